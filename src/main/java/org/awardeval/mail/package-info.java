/** The outbox of every e-mail the award sends, and its sending. */
@ApplicationModule(displayName = "mail", allowedDependencies = {"web"})
package org.awardeval.mail;

import org.springframework.modulith.ApplicationModule;
