package org.awardeval.assignment;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardeval.assignment.AssignmentRepository.AssignmentView;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.settings.AwardProperties;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Hands a review over to the best free judge of the call (those who accepted its invitation, when it invited judges):
 * an expert of the category, free of conflicts, never assigned to this application before, below their maximum load. Among them: the one who keeps two regions and both genders among
 * the application's judges, then the least loaded, then the strongest expertise.
 */
@Service
public class ReviewReassignment {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewReassignment.class);

    private final AssignmentRepository assignments;
    private final JudgeRepository judges;
    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final AwardProperties properties;
    private final CallJudges callJudges;

    ReviewReassignment(AssignmentRepository assignments, JudgeRepository judges, ApplicationRepository applications,
            CallRepository calls, AwardProperties properties, CallJudges callJudges) {
        this.callJudges = callJudges;
        this.assignments = assignments;
        this.judges = judges;
        this.applications = applications;
        this.calls = calls;
        this.properties = properties;
    }

    /** A judge declared a conflict with the application: it is kept with their profile, so no later call repeats it. */
    public void recordDeclaredConflict(long assignmentId) {
        AssignmentView assignment = assignments.view(assignmentId);
        StoredApplication application = applications.get(assignment.applicationId());
        long judgeId = judges.findIdByUserId(assignment.judgeUserId()).orElseThrow();
        judges.addConflict(judgeId, ApplicationRepository.normalise(application.organisationName()));
    }

    /** Ends the assignment and makes a new one; empty when no judge is free. */
    public Optional<Long> reassign(long assignmentId, String reason) {
        AssignmentView old = assignments.view(assignmentId);
        StoredApplication application = applications.get(old.applicationId());
        AwardCall call = calls.get(application.callId());
        ApplicationToAssign candidate = ApplicationToAssign.of(application);
        Set<Long> assignedBefore = Set.copyOf(assignments.judgesOf(application.id()));
        Map<Long, Integer> loads = assignments.loads(call.id());
        List<Judge> all = judges.all();
        List<Judge> others = assignments.idsForApplication(application.id()).stream().map(assignments::view)
                .filter(v -> v.id() != assignmentId && !"REASSIGNED".equals(v.status()))
                .map(v -> all.stream().filter(j -> j.userId().equals(v.judgeUserId())).findFirst().orElseThrow())
                .toList();
        Set<String> otherRegions = others.stream().map(Judge::region).filter(r -> r != null).collect(Collectors.toSet());
        Set<String> otherGenders = others.stream().map(Judge::gender).filter(g -> g != null).collect(Collectors.toSet());
        Optional<Judge> best = callJudges.of(call.id()).stream()
                .filter(j -> !assignedBefore.contains(j.id()))
                .filter(j -> loads.getOrDefault(j.id(), 0) < j.maxLoad())
                .filter(j -> ConflictRules.eligible(j, candidate, call.sameCountryConflict()))
                .min(Comparator.comparingInt((Judge j) -> otherRegions.size() == 1 && otherRegions.contains(j.region()) ? 1 : 0)
                        .thenComparingInt(j -> otherGenders.size() == 1 && otherGenders.contains(j.gender()) ? 1 : 0)
                        .thenComparingInt(j -> loads.getOrDefault(j.id(), 0))
                        .thenComparingInt(j -> j.expertise().indexOf(candidate.categoryCode()))
                        .thenComparingLong(Judge::id));
        if (best.isEmpty()) {
            LOG.warn("No judge is free to take over the review of {} from {}", application.code(), old.judgeCode());
            return Optional.empty();
        }
        OffsetDateTime due = OffsetDateTime.now().plus(properties.reviewGrace());
        if (call.reviewDeadline().isAfter(due)) {
            due = call.reviewDeadline();
        }
        assignments.markReassigned(assignmentId, reason);
        long next = assignments.insertLike(old, best.get().id(), due);
        LOG.info("Review of {} moved from {} to {} ({})", application.code(), old.judgeCode(), best.get().code(), reason);
        return Optional.of(next);
    }
}
