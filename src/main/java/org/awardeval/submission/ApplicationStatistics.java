package org.awardeval.submission;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts of a call's applications; organisations and countries are counted distinct. */
@Component
public class ApplicationStatistics {

    public record Statistics(long applications, Map<String, Long> byStatus, Map<String, Long> byCategory, Map<String, Long> byCountry,
            Map<String, Long> byOrganisationType, long distinctOrganisations, Map<String, Long> distinctOrganisationsByType,
            long distinctCountries) {

        /** The higher education institutions that applied, each counted once. */
        public long institutions() {
            return distinctOrganisationsByType.getOrDefault("HEI", 0L);
        }

        /** The enterprises that applied, each counted once. */
        public long enterprises() {
            return distinctOrganisationsByType.getOrDefault("ENTERPRISE", 0L);
        }

        /** The applications selected for the award (once announced). */
        public long awarded() {
            return byStatus.getOrDefault(ApplicationStatus.AWARDED.name(), 0L);
        }
    }

    /** Keys in alphabetical order; an application without a value counts under null, first. */
    private static final Comparator<String> ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

    private final JdbcClient jdbc;

    public ApplicationStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Two queries, each one pass over the call's applications: the counts grouped as finely as each needs and summed
     * here, then the organisations by type (an organisation has one type, so their sum is the number of organisations).
     * Eight queries, one a count, read ten thousand applications eight times for each dashboard and results page.
     */
    public Statistics of(long callId) {
        Map<String, Long> byStatus = new TreeMap<>(ORDER);
        Map<String, Long> byCategory = new TreeMap<>(ORDER);
        Map<String, Long> byCountry = new TreeMap<>(ORDER);
        Map<String, Long> byType = new TreeMap<>(ORDER);
        long[] applications = {0};
        jdbc.sql("""
                SELECT a.status, a.category_code, o.country, o.type, COUNT(*) FROM application a
                JOIN organisation o ON o.id = a.organisation_id WHERE a.call_id = ?
                GROUP BY a.status, a.category_code, o.country, o.type""").param(callId).query(rs -> {
            long count = rs.getLong(5);
            applications[0] += count;
            byStatus.merge(rs.getString(1), count, Long::sum);
            byCategory.merge(rs.getString(2), count, Long::sum);
            byCountry.merge(rs.getString(3), count, Long::sum);
            byType.merge(rs.getString(4), count, Long::sum);
        });
        Map<String, Long> organisationsByType = new TreeMap<>(ORDER);
        jdbc.sql("""
                SELECT o.type, COUNT(DISTINCT o.id) FROM application a JOIN organisation o ON o.id = a.organisation_id
                WHERE a.call_id = ? GROUP BY o.type""").param(callId).query(rs -> {
            organisationsByType.put(rs.getString(1), rs.getLong(2));
        });
        return new Statistics(applications[0], byStatus, byCategory, byCountry, byType,
                organisationsByType.values().stream().mapToLong(Long::longValue).sum(), organisationsByType,
                byCountry.keySet().stream().filter(Objects::nonNull).count());
    }
}
