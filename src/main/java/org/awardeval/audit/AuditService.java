package org.awardeval.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.PanelRepository.Ballot;
import org.awardeval.deliberation.PanelRepository;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.deliberation.ResultRepository;
import org.awardeval.documents.DocumentEvent;
import org.awardeval.documents.Documents;
import org.awardeval.invitation.JudgeInvitations;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ReconsiderProcess;
import org.awardeval.process.ReviewProcess;
import org.awardeval.review.DisagreementRound;
import org.awardeval.review.ReviewRepository;
import org.awardeval.review.Revisions;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.web.NotFoundException;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * Who decided what and when in a call, from the engine's history: every task a person completed (closing the call,
 * eligibility checks, reviews, panel votes, the chair's decision) with what they decided, and every decision the
 * eligibility rules took on their own. Reads one history query per application.
 */
@Service
class AuditService {

    public record Entry(OffsetDateTime at, String actor, String step, String application, String decision) {
    }

    private static final String SYSTEM = "system";

    private final CallRepository calls;
    private final PanelRepository panel;
    private final HistoryService historyService;
    private final ApplicationRepository applications;
    private final ReviewRepository reviews;
    private final ResultRepository results;
    private final Documents documents;
    private final Revisions revisions;
    private final JudgeInvitations invitations;

    AuditService(CallRepository calls, PanelRepository panel, HistoryService historyService, ApplicationRepository applications,
            ReviewRepository reviews, ResultRepository results, Documents documents, Revisions revisions,
            JudgeInvitations invitations) {
        this.invitations = invitations;
        this.revisions = revisions;
        this.documents = documents;
        this.results = results;
        this.calls = calls;
        this.panel = panel;
        this.historyService = historyService;
        this.applications = applications;
        this.reviews = reviews;
    }

    public List<Entry> entries(long callId) {
        calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
        CallRepository.Milestones call = calls.milestones(callId);
        Map<String, String> completedBy = completedBy(call.createdAt());
        Details details = details(callId);
        List<Entry> entries = new ArrayList<>();
        String cycleInstance = call.cycleInstance();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().rootProcessInstanceId(cycleInstance).finished().list()) {
            entries.add(taskEntry(task, null, completedBy, details));
        }
        // The disagreement round's instances are the round's own, not the cycle's children.
        Map<String, Long> reconsidered = revisions.applicationsByInstance(callId);
        Map<Long, String> codes = new HashMap<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().processDefinitionKey(ReconsiderProcess.KEY)
                .processInstanceBusinessKey(DisagreementRound.businessKey(callId)).finished().list()) {
            Long applicationId = reconsidered.get(task.getProcessInstanceId());
            String code = applicationId == null ? null : codes.computeIfAbsent(applicationId, id -> applications.get(id).code());
            entries.add(taskEntry(task, code, completedBy, details));
        }
        applications.codesByProcessInstance(callId).forEach((instance, code) -> {
            historyService.createHistoricTaskInstanceQuery().rootProcessInstanceId(instance).finished().list()
                    .forEach(task -> entries.add(taskEntry(task, code, completedBy, details)));
            for (HistoricDecisionInstance decision : historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance)
                    .includeOutputs().list()) {
                StringBuilder outputs = new StringBuilder();
                decision.getOutputs().forEach(o -> outputs.append(outputs.isEmpty() ? "" : "; ").append(o.getVariableName()).append(": ")
                        .append(o.getValue()));
                entries.add(new Entry(at(decision.getEvaluationTime()), SYSTEM + " (" + decision.getDecisionDefinitionKey() + ")",
                        decision.getDecisionDefinitionName(), code, outputs.toString()));
            }
        });
        for (DocumentEvent e : documents.events(callId)) {
            String code = e.applicationId() == null ? null : codes.computeIfAbsent(e.applicationId(), id -> applications.get(id).code());
            entries.add(new Entry(e.at(), e.actor(), e.step(), code,
                    "document " + e.documentId() + (e.detail() == null ? "" : ": " + e.detail())));
        }
        for (JudgeInvitations.Step step : invitations.steps(callId)) {
            entries.add(new Entry(step.at(), step.actor(), step.step(), null, step.detail()));
        }
        if (call.announcedAt() != null) {
            entries.add(new Entry(call.announcedAt(), SYSTEM, "Announce the results", null, "results announced to every applicant"));
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    private Entry taskEntry(HistoricTaskInstance task, String code, Map<String, String> completedBy, Details details) {
        boolean completed = "completed".equals(task.getDeleteReason());
        String actor = completedBy.getOrDefault(task.getId(), task.getAssignee() == null ? SYSTEM : task.getAssignee());
        String decision;
        if (!completed) {
            // A reconsider task ends uncompleted at its deadline; the round's record says what that meant.
            decision = ReconsiderProcess.TASK_RECONSIDER.equals(task.getTaskDefinitionKey())
                    ? details.revisions().getOrDefault(task.getProcessInstanceId(), "not completed (" + task.getDeleteReason() + ")")
                    : "not completed (" + task.getDeleteReason() + ")";
        } else {
            decision = switch (task.getTaskDefinitionKey()) {
                case AwardCycleProcess.TASK_CLOSE_CALL_EARLY -> "closed the call before its deadline";
                case ApplicationProcess.TASK_CHECK_ELIGIBILITY -> details.eligibility().getOrDefault(code, "");
                case ReviewProcess.TASK_REVIEW_APPLICATION -> details.reviews().getOrDefault(task.getProcessInstanceId(), "");
                case AwardCycleProcess.TASK_PANEL_VOTE -> details.ballots().getOrDefault(task.getAssignee(), "");
                case AwardCycleProcess.TASK_CONFIRM_WINNERS -> details.decision();
                case ReconsiderProcess.TASK_RECONSIDER -> details.revisions().getOrDefault(task.getProcessInstanceId(), "");
                default -> "";
            };
        }
        return new Entry(at(task.getEndTime()), completed ? actor : SYSTEM, task.getName(), code, decision);
    }

    private record Details(Map<String, String> eligibility, Map<String, String> reviews, Map<String, String> ballots, String decision,
            Map<String, String> revisions) {
    }

    private Details details(long callId) {
        Map<String, String> eligibility = new HashMap<>();
        applications.eligibilityByCode(callId)
                .forEach((code, e) -> eligibility.put(code, e.status() + " (" + e.rule() + "): " + e.reason()));
        Map<String, String> reviewed = new HashMap<>();
        reviews.scoresByReviewInstance(callId)
                .forEach((instance, s) -> reviewed.put(instance, s.judgeCode() + " scored " + s.total() + " (confidence " + s.confidence() + ")"));
        Map<String, String> ballots = new HashMap<>();
        for (Ballot b : panel.ballots(callId)) {
            ballots.put(b.userId(), b.memberCode() + " voted for " + (b.votedCodes().isEmpty() ? "none" : String.join(", ", b.votedCodes()))
                    + (b.recused() == null || b.recused().isBlank() ? "" : "; recused from " + b.recused())
                    + (b.comment() == null ? "" : "; comment: " + b.comment()));
        }
        String winners = results.winners(callId).stream().map(Result::code)
                .collect(Collectors.joining(", "));
        String decision = panel.decision(callId).map(d -> "winners " + winners + "; panel proposed " + d.proposed() + "; "
                + d.ballots() + " ballots, quorum " + d.quorum() + (d.override() ? "; OVERRIDE: " + d.justification() : "")).orElse("");
        return new Details(eligibility, reviewed, ballots, decision, revisions.answersByInstance(callId));
    }

    /** Who completed each task, from the operation log: a candidate task has no assignee to tell. */
    private Map<String, String> completedBy(OffsetDateTime since) {
        Map<String, String> users = new HashMap<>();
        for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery().entityType(EntityTypes.TASK)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).afterTimestamp(Date.from(since.toInstant())).list()) {
            if (entry.getTaskId() != null && entry.getUserId() != null) {
                users.putIfAbsent(entry.getTaskId(), entry.getUserId());
            }
        }
        return users;
    }

    private static OffsetDateTime at(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
