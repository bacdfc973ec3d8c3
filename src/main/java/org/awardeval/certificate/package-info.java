/**
 * Certificates: a PDF for each recipient of a call and one of service for each judge who completed reviews, each
 * carrying a signed verification address (and its QR code) that anyone can open; a coordinator may revoke one.
 */
@ApplicationModule(displayName = "certificate", allowedDependencies = {"assignment", "call", "security", "submission", "web"})
package org.awardeval.certificate;

import org.springframework.modulith.ApplicationModule;
