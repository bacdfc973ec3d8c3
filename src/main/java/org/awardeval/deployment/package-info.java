/** Deployment of processes/: the installed version and every change a process owner proposes. */
@ApplicationModule(displayName = "deployment", allowedDependencies = {"engine", "process", "security", "settings", "web"})
package org.awardeval.deployment;

import org.springframework.modulith.ApplicationModule;
