/** Users, groups, authorizations and the HTTP security of the application. */
@ApplicationModule(displayName = "security", allowedDependencies = {"settings"})
package org.awardeval.security;

import org.springframework.modulith.ApplicationModule;
