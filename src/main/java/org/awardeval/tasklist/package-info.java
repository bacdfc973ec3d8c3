/** Tasklist's shared filters. */
@ApplicationModule(displayName = "tasklist", allowedDependencies = {"process", "security"})
package org.awardeval.tasklist;

import org.springframework.modulith.ApplicationModule;
