package org.awardeval.invitation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardeval.assignment.Judge;
import org.awardeval.assignment.JudgeRepository;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.web.TaskInputException;
import org.awardeval.web.ValidationException.FieldError;
import org.awardeval.web.ValidationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * "Invite judges": when the task is created, the registered judges not invited yet and the count per category so far;
 * when a coordinator completes it, the invitations, in the same transaction: a refusal (an unknown judge) leaves the
 * task open with the reason on the field. The inviter is the signed-in user, never a variable.
 */
@Component
class InviteJudgesListener implements TaskListener {

    private final JudgeRepository judges;
    private final JudgeInvitations invitations;
    private final IdentityService identityService;

    InviteJudgesListener(JudgeRepository judges, JudgeInvitations invitations, IdentityService identityService) {
        this.identityService = identityService;
        this.judges = judges;
        this.invitations = invitations;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            invite(task);
            return;
        }
        long callId = AwardCycleProcess.callId(task.getExecution());
        Set<String> invited = invitations.list(callId).stream().map(row -> String.valueOf(row.get("userId"))).collect(Collectors.toSet());
        List<Map<String, String>> options = new ArrayList<>();
        for (Judge j : judges.all()) {
            if (!invited.contains(j.userId())) {
                options.add(Map.of("label", j.name() + " (" + j.code() + "), " + j.affiliation() + ", " + j.country() + "; expertise "
                        + String.join(", ", j.expertise()) + "; up to " + j.maxLoad() + " reviews", "value", j.userId()));
            }
        }
        task.setVariableLocal(AwardCycleProcess.JUDGE_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create());
        task.setVariableLocal(AwardCycleProcess.INVITATION_SUMMARY, summary(invitations.counts(callId)));
        // Typed and local to the task, so that Tasklist submits the ticks as a JSON list, read here on completion.
        task.setVariableLocal(AwardCycleProcess.INVITEES, SpinValues.jsonValue(Spin.JSON("[]")).create());
    }

    private void invite(DelegateTask task) {
        List<String> userIds = ProcessVariables.strings(task, AwardCycleProcess.INVITEES);
        Authentication user = identityService.getCurrentAuthentication();
        try {
            invitations.invite(AwardCycleProcess.callId(task.getExecution()), userIds,
                    ProcessVariables.integer(task, AwardCycleProcess.REVIEW_LOAD), user == null ? "coordinator" : user.getUserId());
        } catch (ValidationException e) {
            throw new TaskInputException(e.errors().stream().map(error -> error.field().startsWith("judges")
                    ? new FieldError(AwardCycleProcess.INVITEES, error.message())
                    : error.field().equals("load") ? new FieldError(AwardCycleProcess.REVIEW_LOAD, error.message()) : error).toList());
        }
    }

    /** The count per category as a Markdown table. */
    static String summary(List<JudgeInvitations.CategoryCount> counts) {
        StringBuilder table = new StringBuilder("| Category | Applications | Reviews needed | Accepted (reviews) | Declined | No answer "
                + "| Waiting | Judges still missing |\n|---|---|---|---|---|---|---|---|\n");
        for (JudgeInvitations.CategoryCount c : counts) {
            table.append("| ").append(c.name()).append(" | ").append(c.applications()).append(" | ").append(c.reviewsNeeded())
                    .append(" | ").append(c.accepted()).append(" (").append(c.capacity()).append(") | ").append(c.declined())
                    .append(" | ").append(c.noAnswer()).append(" | ").append(c.waiting()).append(" | ").append(c.missingJudges())
                    .append(" |\n");
        }
        return table.toString();
    }
}
