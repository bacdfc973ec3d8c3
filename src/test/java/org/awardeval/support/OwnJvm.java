package org.awardeval.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that starts an engine of its own (another database or profile). Camunda keeps engines in a static registry
 * by name, which the REST API reads, so such a test runs in a JVM of its own (see the surefire executions in pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("own-jvm")
public @interface OwnJvm {
}
