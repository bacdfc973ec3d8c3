/** Conflicts of interest: one rule for judges and panel members. */
@ApplicationModule(displayName = "conflicts", allowedDependencies = {})
package org.awardeval.conflicts;

import org.springframework.modulith.ApplicationModule;
