package org.awardeval.library;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallStatus;
import org.awardeval.library.LibraryRepository.Entry;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatistics;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.submission.SubmissionService;
import org.awardeval.web.FieldChecks;
import org.awardeval.web.Moments;
import org.awardeval.web.Regions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public case library: a case appears when the panel's chair selected it, its call's results are public (after the
 * embargo) and its applicant agreed, with the summary they approved; never otherwise.
 */
@Service
public class Library {

    /** A published case; names of categories and types are written for the reader by the pages. */
    public record Case(String code, String title, String summary, long callId, String callName, int year, String categoryCode,
            String organisation, String organisationType, String country, String regionCode, Integer educatorsReached) {
    }

    /** What a visitor narrows the library to; null or empty is any. */
    public record Filter(Integer year, String category, String region, String type, String text) {

        boolean matches(Case c, String categoryName) {
            return (year == null || year == c.year()) && (empty(category) || category.equals(c.categoryCode()))
                    && (empty(region) || region.equals(c.regionCode())) && (empty(type) || type.equals(c.organisationType()))
                    && (empty(text) || contains(c.title(), text) || contains(c.summary(), text) || contains(c.organisation(), text)
                            || contains(c.country(), text) || contains(categoryName, text));
        }

        private static boolean empty(String value) {
            return value == null || value.isBlank();
        }

        private static boolean contains(String haystack, String needle) {
            return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** One edition of the award: a call whose results are public, and its figures. */
    public record Edition(int year, long callId, String callName, long applications, long countries, long institutions,
            long enterprises, Map<String, Long> organisationsByType, Map<String, Long> regions, long selected, long published) {
    }

    /** An awarded applicant's answer: whether the case is published and with which summary. */
    public record Answer(boolean consented, String summary, OffsetDateTime answeredAt) {
    }

    public static final String PUBLIC_SUMMARY = "publicSummary";

    private final LibraryRepository repository;
    private final CallRepository calls;
    private final ApplicationRepository applications;
    private final ApplicationStatistics statistics;
    private final Clock clock;

    Library(LibraryRepository repository, CallRepository calls, ApplicationRepository applications, ApplicationStatistics statistics,
            ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.calls = calls;
        this.applications = applications;
        this.statistics = statistics;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** The calls whose results anyone may read now, newest first. */
    private List<AwardCall> published() {
        return calls.summaries().stream().map(s -> calls.get(s.id()))
                .filter(c -> c.status() == CallStatus.ANNOUNCED && c.resultsPublic(clock.instant()))
                .sorted(Comparator.comparing(AwardCall::submissionDeadline).reversed()).toList();
    }

    private static int year(AwardCall call) {
        return call.submissionDeadline().atZoneSameInstant(Moments.zone(call.timeZone())).getYear();
    }

    /** The published cases, newest edition first, then by category and code. */
    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (AwardCall call : published()) {
            Map<Long, String> consented = repository.consented(call.id());
            applications.byCallAndStatus(call.id(), ApplicationStatus.AWARDED).stream()
                    .filter(a -> consented.containsKey(a.id()))
                    .sorted(Comparator.comparing(StoredApplication::categoryCode).thenComparing(StoredApplication::code))
                    .forEach(a -> cases.add(new Case(a.code(), a.title(), consented.get(a.id()), call.id(), call.name(), year(call),
                            a.categoryCode(), a.organisationName(), a.organisationType(), a.country(), Regions.codeOf(a.country()),
                            a.educatorsReached())));
        }
        return cases;
    }

    public Optional<Case> byCode(String code) {
        return cases().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The award year over year: each edition whose results are public, newest first. */
    public List<Edition> editions() {
        List<Edition> editions = new ArrayList<>();
        for (AwardCall call : published()) {
            ApplicationStatistics.Statistics counted = statistics.of(call.id());
            Map<String, Long> regions = new TreeMap<>();
            counted.byCountry().forEach((country, n) -> {
                String region = Regions.of(country);
                regions.merge(region == null ? "?" : region, n, Long::sum);
            });
            editions.add(new Edition(year(call), call.id(), call.name(), counted.applications(), counted.distinctCountries(),
                    counted.institutions(), counted.enterprises(), new TreeMap<>(counted.distinctOrganisationsByType()), regions,
                    counted.awarded(), repository.consented(call.id()).size()));
        }
        return editions;
    }

    /** Whether the applicant of this application is asked about the library: selected, and the results public. */
    public boolean asks(StoredApplication application) {
        return application.status() == ApplicationStatus.AWARDED && calls.get(application.callId()).resultsPublic(clock.instant());
    }

    public Optional<Answer> answerOf(StoredApplication application) {
        return repository.find(application.id()).map(e -> new Answer(e.consented(), e.publicSummary(), e.answeredAt()));
    }

    /** Records the applicant's answer; a published case needs its summary, as long as the call lets a summary be. */
    @Transactional
    public void answer(StoredApplication application, boolean publish, String summary) {
        FieldChecks checks = new FieldChecks();
        if (!asks(application)) {
            checks.fail(PUBLIC_SUMMARY, "can be given once the application is selected and the results are published", "libraryNotYet");
            checks.throwIfAny();
        }
        String text = checks.text(PUBLIC_SUMMARY, summary, publish, 2000);
        SubmissionService.words(checks, PUBLIC_SUMMARY, text, calls.get(application.callId()).summaryWords());
        checks.throwIfAny();
        repository.save(new Entry(application.id(), application.callId(), publish, text, OffsetDateTime.now(clock)));
    }
}
