package org.awardeval.call;

import java.util.List;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.settings.AwardProperties;
import org.awardeval.web.TaskInputException;
import org.awardeval.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the call opened by the start form or the API, once its settings pass {@link CallSettings}. */
@Component
class RegisterCallDelegate implements JavaDelegate {

    private final CallSettings settings;
    private final CallService calls;
    private final AwardProperties properties;

    RegisterCallDelegate(CallSettings settings, CallService calls, AwardProperties properties) {
        this.settings = settings;
        this.calls = calls;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CallSettings.NewCall call;
        try {
            call = settings.read(execution);
        } catch (ValidationException e) {
            // The start form's mistake: Tasklist and the REST API answer 400 with the fields, and nothing starts.
            throw new TaskInputException(e.errors());
        }
        long callId = calls.register(call, execution.getProcessInstanceId());
        // The form's texts are read; each fact is kept once, with one type: the call has the deadlines, the timer a date.
        execution.removeVariables(List.of(AwardCycleProcess.CATEGORIES, AwardCycleProcess.RUBRIC,
                AwardCycleProcess.ALLOWED_ORGANISATION_TYPES, AwardCycleProcess.SUBMISSION_DEADLINE, AwardCycleProcess.REVIEW_DEADLINE,
                AwardCycleProcess.SUMMARY_WORDS, AwardCycleProcess.DESCRIPTION_WORDS, AwardCycleProcess.LANGUAGES,
                AwardCycleProcess.TRANSLATIONS, AwardCycleProcess.CATEGORY_WINNERS));
        execution.removeVariables(AwardCycleProcess.TEXT_BOXES);
        execution.setProcessBusinessKey(CallService.businessKey(callId));
        execution.setVariable(AwardCycleProcess.CALL_ID, callId);
        execution.setVariable(AwardCycleProcess.CALL_NAME, call.name());
        execution.setVariable(AwardCycleProcess.SUBMISSION_DUE, ProcessVariables.date(call.submissionDeadline()));
        execution.setVariable(AwardCycleProcess.REVIEWS_PER_APPLICATION, call.reviewsPerApplication());
        execution.setVariable(AwardCycleProcess.WINNERS_PER_CATEGORY, call.winnersPerCategory());
        execution.setVariable(AwardCycleProcess.SHORTLIST_PER_CATEGORY, call.shortlistPerCategory());
        execution.setVariable(AwardCycleProcess.POLL_INTERVAL, properties.pollInterval().toString());
    }
}
