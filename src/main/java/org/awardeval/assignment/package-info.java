/** Assignment: the judges, their conflicts, and which judge reviews which application. */
@ApplicationModule(displayName = "assignment", allowedDependencies = {"call", "conflicts", "process", "security", "settings",
        "submission", "web"})
package org.awardeval.assignment;

import org.springframework.modulith.ApplicationModule;
