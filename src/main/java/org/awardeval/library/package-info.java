/**
 * The award's public case library across calls and years: the selected cases whose applicants agreed to publish them,
 * with the summary they approved, once their call's results are public; the award's figures year over year.
 */
@ApplicationModule(displayName = "library", allowedDependencies = {"call", "submission", "web"})
package org.awardeval.library;

import org.springframework.modulith.ApplicationModule;
