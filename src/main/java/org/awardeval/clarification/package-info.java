/** Questions a coordinator asks an applicant during the eligibility check, with a deadline, and their answers. */
@ApplicationModule(displayName = "clarification", allowedDependencies = {"call", "mail", "process", "submission", "web"})
package org.awardeval.clarification;

import org.springframework.modulith.ApplicationModule;
