package org.awardeval.deliberation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.review.DisagreementRound;
import org.awardeval.review.ReviewRepository;
import org.awardeval.settings.AwardProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * When every review is in: the applications whose normalised review totals spread beyond the call's threshold, and a
 * reconsider instance for each of their judges, answered before the ranking.
 */
@Component
class OpenDisagreementRoundDelegate implements JavaDelegate {

    private final CallRepository calls;
    private final ReviewRepository reviews;
    private final DisagreementRound round;
    private final AwardProperties properties;

    OpenDisagreementRoundDelegate(CallRepository calls, ReviewRepository reviews, DisagreementRound round, AwardProperties properties) {
        this.calls = calls;
        this.reviews = reviews;
        this.round = round;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AwardCall call = calls.get(AwardCycleProcess.callId(execution));
        double threshold = calls.disagreementThreshold(call.id()).doubleValue();
        Map<Long, Normalisation.Aggregate> aggregates = Normalisation.aggregate(reviews.byCall(call.id()).stream()
                .map(r -> new Normalisation.Review(r.applicationId(), r.judgeCode(), r.total().doubleValue())).toList());
        List<Long> split = aggregates.values().stream().filter(a -> a.normalisedSpread() > threshold + 1e-9)
                .map(Normalisation.Aggregate::applicationId).toList();
        int asked = round.open(call.id(), split, OffsetDateTime.now().plus(properties.revisionPeriod()));
        execution.setVariable(AwardCycleProcess.SPLIT_APPLICATIONS, split.size());
        execution.setVariable(AwardCycleProcess.JUDGES_ASKED, asked);
    }
}
