/** JudgeInvitations: a call's judges invited, their answers and their signed declarations of confidentiality and conflicts. */
@ApplicationModule(displayName = "invitation", allowedDependencies = {"assignment", "call", "mail", "process", "security", "settings",
        "submission", "web"})
package org.awardeval.invitation;

import org.springframework.modulith.ApplicationModule;
