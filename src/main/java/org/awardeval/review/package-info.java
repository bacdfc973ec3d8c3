/** Reviews: a judge's review of an anonymised dossier, reminders and reassignment. */
@ApplicationModule(displayName = "review", allowedDependencies = {"anonymisation", "assignment", "call", "documents", "mail", "process",
        "settings", "submission", "web"})
package org.awardeval.review;

import org.springframework.modulith.ApplicationModule;
