/** Eligibility: the facts for the rules in eligibility.dmn and the recorded decision. */
@ApplicationModule(displayName = "eligibility", allowedDependencies = {"call", "process", "submission", "web"})
package org.awardeval.eligibility;

import org.springframework.modulith.ApplicationModule;
