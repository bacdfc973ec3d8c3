package org.awardeval.announcement;

import java.util.List;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.ResultRepository;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.submission.ApplicationLifecycle;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
        for (Result result : ranking) {
            runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_RESULT_ANNOUNCED)
                    .processInstanceBusinessKey(result.code())
                    .correlateAll();
        }
    }
}
