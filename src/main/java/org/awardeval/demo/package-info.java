/** Demo mode: demo users and a demo cycle. */
@ApplicationModule(displayName = "demo", allowedDependencies = {"assignment", "call", "deliberation", "documents", "process",
        "security", "submission"})
package org.awardeval.demo;

import org.springframework.modulith.ApplicationModule;
