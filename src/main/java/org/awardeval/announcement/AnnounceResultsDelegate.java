package org.awardeval.announcement;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.ResultRepository;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.submission.ApplicationLifecycle;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Records the winners the chair confirmed and tells every reviewed application its result. */
@Component
class AnnounceResultsDelegate implements JavaDelegate {

    private final ResultRepository results;
    private final ApplicationLifecycle lifecycle;
    private final CallRepository calls;
    private final RuntimeService runtimeService;

    AnnounceResultsDelegate(ResultRepository results, CallRepository calls, RuntimeService runtimeService,
            ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.results = results;
        this.calls = calls;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long callId = AwardCycleProcess.callId(execution);
        // The winners as the chair's decision marked them in the results.
        List<Result> ranking = results.byCall(callId);
        for (Result result : ranking) {
            lifecycle.announced(result.applicationId(), result.winner());
        }
        calls.markAnnounced(callId);
        Set<String> codes = ranking.stream().map(Result::code).collect(Collectors.toSet());
        Set<String> waiting = Set.copyOf(ApplicationProcess.waitingFor(runtimeService, ApplicationProcess.MESSAGE_RESULT_ANNOUNCED, callId));
        // Of those, the ones with a result: an instance's business key is its application's code.
        List<String> told = runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
                .variableValueEquals(ApplicationProcess.CALL_ID, callId).list().stream()
                .filter(instance -> waiting.contains(instance.getId()) && codes.contains(instance.getBusinessKey()))
                .map(ProcessInstance::getId).toList();
        if (!told.isEmpty()) {
            // The applications learn their results in batch jobs, a few to a job (MessageBatches): ten thousand
            // correlations in this transaction made one flush that Camunda orders pairwise, and one failure would
            // have undone the announcement.
            runtimeService.createMessageCorrelationAsync(ApplicationProcess.MESSAGE_RESULT_ANNOUNCED)
                    .processInstanceIds(told).correlateAllAsync();
        }
    }
}
