/** The applicants' portal: sign-in by e-mail link, drafts, and each application's status in the applicant's words. */
@ApplicationModule(displayName = "portal", allowedDependencies = {"call", "certificate", "clarification", "documents", "library", "submission", "review", "mail", "security", "web", "process"})
package org.awardeval.portal;


import org.springframework.modulith.ApplicationModule;
