/** The application's settings (award.*). */
@ApplicationModule(displayName = "settings", allowedDependencies = {})
package org.awardeval.settings;

import org.springframework.modulith.ApplicationModule;
