/** The contracts between Java and the processes in processes/: keys, messages, element ids and variables. */
@ApplicationModule(displayName = "process", allowedDependencies = {})
package org.awardeval.process;

import org.springframework.modulith.ApplicationModule;
