package org.awardeval.deliberation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardeval.anonymisation.DossierRepository.Dossier;
import org.awardeval.anonymisation.DossierRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.Category;
import org.awardeval.call.Quotas;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.review.ReviewRepository.ReviewSummary;
import org.awardeval.review.ReviewRepository;
import org.awardeval.review.Revisions.Revision;
import org.awardeval.review.Revisions;
import org.awardeval.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The shortlist as a panel member reads it before voting: per category, each application's rank, code, anonymised
 * title and summary, scores to two decimals, spread and disagreement, and every review's comment by judge code with
 * the judge's revision if they made one. Applications the member is recused from are marked.
 */
@Component
class PanelReading {

    record ReviewLine(String judgeCode, BigDecimal total, String comment, String revision) {
    }

    record Row(int rank, String code, String title, String summary, BigDecimal normalised, BigDecimal raw, BigDecimal spread,
            boolean disagreement, boolean recused, boolean proposed, List<ReviewLine> reviews) {
    }

    record CategoryRows(String code, String name, int quota, List<Row> rows) {
    }

    record View(AwardCall call, List<CategoryRows> categories, Set<String> recused) {
    }

    private final CallRepository calls;
    private final ResultRepository results;
    private final ReviewRepository reviews;
    private final Revisions revisions;
    private final DossierRepository dossiers;
    private final PanelService panel;

    PanelReading(CallRepository calls, ResultRepository results, ReviewRepository reviews, Revisions revisions,
            DossierRepository dossiers, PanelService panel) {
        this.calls = calls;
        this.results = results;
        this.reviews = reviews;
        this.revisions = revisions;
        this.dossiers = dossiers;
        this.panel = panel;
    }

    /** The view of this user: a panel member sees their recusals marked; a coordinator sees none. */
    View view(long callId, String userId, boolean panelMember) {
        AwardCall call = calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
        List<Result> shortlist = results.shortlist(callId);
        if (shortlist.isEmpty()) {
            throw new NotFoundException("The shortlist of " + call.name() + " is not ready yet: it is made when every review is in");
        }
        Set<String> recused = panelMember ? panel.shortlistOf(callId, userId).recused() : Set.of();
        Map<Long, List<ReviewSummary>> byApplication = reviews.byCall(callId).stream()
                .collect(Collectors.groupingBy(ReviewSummary::applicationId));
        Map<Long, List<Revision>> revised = revisions.byCall(callId);
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (Result r : shortlist.stream().sorted(Comparator.comparing(Result::categoryCode).thenComparingInt(Result::rankInCategory))
                .toList()) {
            Dossier dossier = dossiers.find(r.applicationId()).orElse(null);
            Map<String, Revision> revisionByJudge = revised.getOrDefault(r.applicationId(), List.of()).stream()
                    .collect(Collectors.toMap(Revision::judgeCode, v -> v, (a, b) -> b));
            List<ReviewLine> lines = new ArrayList<>();
            for (ReviewSummary review : byApplication.getOrDefault(r.applicationId(), List.of())) {
                lines.add(new ReviewLine(review.judgeCode(), two(review.total()), review.panelComment(),
                        describe(revisionByJudge.get(review.judgeCode()))));
            }
            rows.computeIfAbsent(r.categoryCode(), k -> new ArrayList<>()).add(new Row(r.rankInCategory(), r.code(),
                    dossier == null ? "" : dossier.title(), dossier == null ? "" : dossier.summary(), two(r.normalisedScore()),
                    two(r.meanScore()), two(r.spread()), r.disagreement(), recused.contains(r.code()), r.proposed(), lines));
        }
        Map<String, String> names = calls.categories(callId).stream().collect(Collectors.toMap(Category::code, Category::name));
        List<CategoryRows> categories = new ArrayList<>();
        Quotas quotas = calls.quotas(callId);
        rows.forEach((code, list) -> categories.add(new CategoryRows(code, names.getOrDefault(code, code), quotas.winners(code), list)));
        return new View(call, categories, recused);
    }

    /** "Revised from 2.40 to 3.60: reason", "Kept after reading the other reviews", or null when not asked. */
    static String describe(Revision revision) {
        if (revision == null) {
            return null;
        }
        return switch (revision.status()) {
            case REVISED -> "Revised in the disagreement round from " + two(revision.totalBefore()) + " to " + two(revision.totalAfter())
                    + ": " + revision.reason();
            case KEPT -> "Kept after reading the other reviews" + (revision.reason() == null || revision.reason().isBlank() ? ""
                    : ": " + revision.reason());
            case EXPIRED -> "Asked to reconsider; no answer by the deadline";
            case OPEN -> "Reconsidering (disagreement round open)";
        };
    }

    static BigDecimal two(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
