package org.awardeval.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/** A Camunda engine of its own, in memory, for the path tests of one process with its delegates mocked. */
public final class PlainEngine {

    private PlainEngine() {
    }

    /**
     * An engine whose expressions find the beans registered with {@code Mocks.register}, with no job executor: the test
     * runs each job. Its name is its own, since the engine registry is static and the application's engine in the same
     * JVM is "default".
     */
    public static ProcessEngineExtension extension(String name) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        ProcessEngine engine = configuration.buildProcessEngine();
        return ProcessEngineExtension.builder().useProcessEngine(engine).build();
    }
}
