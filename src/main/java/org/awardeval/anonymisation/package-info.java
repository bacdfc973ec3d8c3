/** Anonymisation: each application's dossier with the applicant's identifiers removed, and the coordinator's check of it. */
@ApplicationModule(displayName = "anonymisation", allowedDependencies = {"call", "conflicts", "documents", "process", "submission", "web"})
package org.awardeval.anonymisation;

import org.springframework.modulith.ApplicationModule;
