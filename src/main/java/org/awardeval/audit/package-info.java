/** Audit: who did what in a call, read from the engine's history and the other modules. */
@ApplicationModule(displayName = "audit", allowedDependencies = {"call", "deliberation", "documents", "invitation", "process", "review",
        "submission", "web"})
package org.awardeval.audit;

import org.springframework.modulith.ApplicationModule;
