package org.awardeval.engine;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * A message the cycle sends to all its applications at once (the review phase started, the results announced) goes in
 * jobs of {@value #INSTANCES_PER_JOB} applications. With Camunda's one a job, the seed job, which makes a hundred jobs
 * at each run, kept the job executor waiting (docs/BENCHMARKS.md). An operator's own setting for the type is kept.
 */
@Component
class MessageBatches extends AbstractProcessEnginePlugin {

    static final int INSTANCES_PER_JOB = 10;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<String, Integer> byType = configuration.getInvocationsPerBatchJobByBatchType() == null ? new HashMap<>()
                : new HashMap<>(configuration.getInvocationsPerBatchJobByBatchType());
        byType.putIfAbsent(Batch.TYPE_CORRELATE_MESSAGE, INSTANCES_PER_JOB);
        configuration.setInvocationsPerBatchJobByBatchType(byType);
    }
}
