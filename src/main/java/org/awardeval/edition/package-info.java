/** The next edition of an award: a call opened from the last one, with its settings, texts, documents and judges. */
@ApplicationModule(displayName = "edition", allowedDependencies = {"call", "documents", "invitation", "web"})
package org.awardeval.edition;

import org.springframework.modulith.ApplicationModule;
