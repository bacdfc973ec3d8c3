package org.awardeval.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Camunda engine of its own, in memory, for the path tests of one process with its delegates mocked: expressions find
 * the beans registered with {@code Mocks.register}, there is no job executor (the test runs each job), and the
 * assertions use this engine. Its name is its own, since the engine registry is static and the application's engine
 * in the same JVM is "default"; it is closed after the test class.
 */
public final class PlainEngine extends ProcessEngineExtension {

    public PlainEngine(String name) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        useProcessEngine(configuration.buildProcessEngine());
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        super.beforeTestExecution(context);
        // The assertions' engine is kept per thread: this class's own, not the last one set.
        BpmnAwareTests.init(processEngine);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        super.afterTestExecution(context);
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        ProcessEngine engine = processEngine;
        super.afterAll(context);
        engine.close();
    }
}
