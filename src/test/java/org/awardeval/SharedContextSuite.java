package org.awardeval;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every *Test class, in one JVM sharing one application context, while the *IT classes, each needing a JVM of its
 * own, run beside it in the other forks (see surefire in pom.xml). The classes run in the order of their names, the
 * same on every machine.
 */
@Suite
@ConfigurationParameter(key = "junit.jupiter.testclass.order.default", value = "org.junit.jupiter.api.ClassOrderer$ClassName")
@SelectPackages("org.awardeval")
@IncludeClassNamePatterns(".*Test")
@ExcludeTags("own-jvm")
class SharedContextSuite {
}
