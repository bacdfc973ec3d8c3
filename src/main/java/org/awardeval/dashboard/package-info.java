/** The coordinators' dashboard: progress of a call, read through the other modules. */
@ApplicationModule(displayName = "dashboard", allowedDependencies = {"assignment", "call", "invitation", "mail", "security", "submission",
        "tasklist", "web"})
package org.awardeval.dashboard;

import org.springframework.modulith.ApplicationModule;
