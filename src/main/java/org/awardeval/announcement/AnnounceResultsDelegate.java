package org.awardeval.announcement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.ResultRepository;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.submission.ApplicationLifecycle;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.web.FieldChecks;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the winners the chair confirmed and tells every reviewed application its result. */
@Component
class AnnounceResultsDelegate implements JavaDelegate {

    private final ResultRepository results;
    private final ApplicationRepository applications;
    private final ApplicationLifecycle lifecycle;
    private final CallRepository calls;
    private final RuntimeService runtimeService;

    AnnounceResultsDelegate(ResultRepository results, ApplicationRepository applications, CallRepository calls,
            RuntimeService runtimeService, ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.results = results;
        this.applications = applications;
        this.calls = calls;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long callId = AwardCycleProcess.callId(execution);
        List<Result> ranking = results.byCall(callId);
        Set<String> winners = new LinkedHashSet<>(ProcessVariables.strings(execution, AwardCycleProcess.WINNERS));
        FieldChecks checks = new FieldChecks();
        for (String code : winners) {
            if (ranking.stream().noneMatch(r -> r.code().equals(code))) {
                checks.fail(AwardCycleProcess.WINNERS, "'" + code + "' is not a ranked application of this call");
            }
        }
        checks.throwIfAny();
        for (Result result : ranking) {
            boolean winner = winners.contains(result.code());
            results.setWinner(result.applicationId(), winner);
            lifecycle.announced(result.applicationId(), winner);
        }
        calls.markAnnounced(callId);
        for (Result result : ranking) {
            runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_RESULT_ANNOUNCED)
                    .processInstanceBusinessKey(result.code())
                    .correlateAll();
        }
    }
}
