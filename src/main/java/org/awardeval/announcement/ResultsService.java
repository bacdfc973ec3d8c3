package org.awardeval.announcement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallStatus;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.deliberation.ResultRepository;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatistics;
import org.awardeval.submission.StoredApplication;
import org.awardeval.web.NotFoundException;
import org.springframework.stereotype.Service;

/** The published results of a call: its recipients by category and by type of applicant, and the cycle's figures. */
@Service
public class ResultsService {

    public static final String HEIS_AND_ORGANISATIONS = "Higher education institutions and international organisations";
    public static final String ENTERPRISES = "Enterprises";

    public record Recipient(String code, String title, String organisation, String organisationType, String country,
            String categoryCode, String categoryName) {
    }

    public record Results(long callId, String callName, String statistics, Map<String, List<Recipient>> byCategory,
            Map<String, List<Recipient>> byApplicantType, List<Recipient> recipients, Figures figures) {

        public List<Recipient> inCategory(String code) {
            return recipients.stream().filter(r -> r.categoryCode().equals(code)).toList();
        }

        public List<Recipient> enterprises(boolean enterprises) {
            return recipients.stream().filter(r -> "ENTERPRISE".equals(r.organisationType()) == enterprises).toList();
        }

    }

    private final CallRepository calls;
    private final ApplicationStatistics statistics;
    private final ResultRepository results;
    private final ApplicationRepository applications;

    private final java.time.Clock clock;

    public ResultsService(CallRepository calls, ApplicationStatistics statistics, ResultRepository results,
            ApplicationRepository applications,
            org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock) {
        this.clock = clock.getIfAvailable(java.time.Clock::systemDefaultZone);
        this.calls = calls;
        this.statistics = statistics;
        this.results = results;
        this.applications = applications;
    }

    /** The results once the chair's decision is announced and the call's embargo is over; before that there are none. */
    public Results results(long callId) {
        return results(callId, false);
    }

    /** As {@link #results(long)}; a coordinator's preview also shows them during the embargo. */
    public Results results(long callId, boolean preview) {
        AwardCall call = calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
        if (call.status() != CallStatus.ANNOUNCED) {
            throw new NotFoundException("The results of '" + call.name() + "' have not been announced yet");
        }
        if (!preview && !call.resultsPublic(clock.instant())) {
            var local = call.embargoUntil().atZoneSameInstant(java.time.ZoneId.of(call.timeZone()));
            throw new NotFoundException("The results of '" + call.name() + "' have not been announced yet: they will be published on "
                    + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", java.util.Locale.ENGLISH).format(local) + " "
                    + call.timeZone());
        }
        Map<String, String> categoryNames = new LinkedHashMap<>();
        calls.categories(callId).forEach(c -> categoryNames.put(c.code(), c.name()));
        List<Recipient> recipients = results.winners(callId).stream()
                .sorted(Comparator.comparing(Result::categoryCode).thenComparingInt(Result::rankInCategory).thenComparing(Result::code))
                .map(r -> {
                    StoredApplication a = applications.get(r.applicationId());
                    return new Recipient(a.code(), a.title(), a.organisationName(), a.organisationType(), a.country(), a.categoryCode(),
                            categoryNames.getOrDefault(a.categoryCode(), a.categoryCode()));
                })
                .toList();
        Map<String, List<Recipient>> byCategory = new LinkedHashMap<>();
        categoryNames.values().forEach(name -> byCategory.put(name, new ArrayList<>()));
        Map<String, List<Recipient>> byType = new LinkedHashMap<>();
        byType.put(HEIS_AND_ORGANISATIONS, new ArrayList<>());
        byType.put(ENTERPRISES, new ArrayList<>());
        for (Recipient r : recipients) {
            byCategory.computeIfAbsent(r.categoryName(), k -> new ArrayList<>()).add(r);
            byType.get("ENTERPRISE".equals(r.organisationType()) ? ENTERPRISES : HEIS_AND_ORGANISATIONS).add(r);
        }
        ApplicationStatistics.Statistics counted = statistics.of(callId);
        return new Results(callId, call.name(), sentence(counted, recipients.size()), byCategory, byType, recipients,
                new Figures(counted.applications(), counted.distinctCountries(), counted.institutions(), counted.enterprises(),
                        recipients.size()));
    }

    /** The figures of the statistics' sentence, for a page that writes it in its reader's language. */
    public record Figures(long applications, long countries, long institutions, long enterprises, long selected) {
    }

    /** Whether the public may read the call's results now. */
    public boolean published(AwardCall call) {
        return call.resultsPublic(clock.instant());
    }

    /** "95 applications from 29 countries, including 48 higher education institutions and 13 enterprise partners; 22 cases selected". */
    static String sentence(ApplicationStatistics.Statistics s, int selected) {
        return plural(s.applications(), "application") + " from " + plural(s.distinctCountries(), "country", "countries")
                + ", including " + plural(s.institutions(), "higher education institution") + " and "
                + plural(s.enterprises(), "enterprise partner") + "; " + plural(selected, "case") + " selected";
    }

    private static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
