/** Extensions of the Camunda engine: the write guards, the deployment check, indexes and history settings. */
@ApplicationModule(displayName = "engine", allowedDependencies = {"security", "settings", "web"})
package org.awardeval.engine;

import org.springframework.modulith.ApplicationModule;
