/** Announcement: the results, their publication after the embargo and the e-mails to applicants. */
@ApplicationModule(displayName = "announcement", allowedDependencies = {"call", "deliberation", "mail", "process", "review",
        "security", "submission", "web"})
package org.awardeval.announcement;

import org.springframework.modulith.ApplicationModule;
