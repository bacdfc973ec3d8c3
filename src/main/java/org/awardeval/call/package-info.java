/** Calls: a call for applications, its categories, rubric and settings. */
@ApplicationModule(displayName = "call", allowedDependencies = {"process", "security", "settings", "web"})
package org.awardeval.call;

import org.springframework.modulith.ApplicationModule;
