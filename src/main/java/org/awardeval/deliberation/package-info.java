/** Deliberation: ranking, the panel's votes and the chair's decision. */
@ApplicationModule(displayName = "deliberation", allowedDependencies = {"anonymisation", "call", "conflicts", "process",
        "review", "security", "settings", "submission", "web"})
package org.awardeval.deliberation;

import org.springframework.modulith.ApplicationModule;
