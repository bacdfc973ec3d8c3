/** Applications: the ways in, and the one life cycle of their statuses. */
@ApplicationModule(displayName = "submission", allowedDependencies = {"call", "process", "web"})
package org.awardeval.submission;

import org.springframework.modulith.ApplicationModule;
