/** What every HTTP API shares: errors, field checks, CSV. */
@ApplicationModule(displayName = "web", allowedDependencies = {})
package org.awardeval.web;

import org.springframework.modulith.ApplicationModule;
