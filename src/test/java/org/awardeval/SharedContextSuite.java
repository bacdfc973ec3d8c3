package org.awardeval;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every *Test class, in one JVM sharing one application context, while the *IT classes, each needing a JVM of its
 * own, run beside it in the second fork (see surefire in pom.xml). The judges' scans run first, then the classes in
 * the order of their names, the same on every machine ({@link org.awardeval.support.ScansFirst}).
 */
@Suite
@ConfigurationParameter(key = "junit.jupiter.testclass.order.default", value = "org.awardeval.support.ScansFirst")
@SelectPackages("org.awardeval")
@IncludeClassNamePatterns(".*Test")
@ExcludeTags("own-jvm")
class SharedContextSuite {
}
