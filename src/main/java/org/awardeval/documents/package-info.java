/**
 * Supporting documents: the slots a call asks for, uploads checked by their content and searched for the applicant's
 * identity, the judges' copies without metadata, and who may download what.
 */
@ApplicationModule(displayName = "documents", allowedDependencies = {"assignment", "call", "process", "security", "submission", "web"})
package org.awardeval.documents;

import org.springframework.modulith.ApplicationModule;
