package org.awardeval.submission;

import java.util.LinkedHashMap;
import java.util.Map;
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

    private final JdbcClient jdbc;

    public ApplicationStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Statistics of(long callId) {
        String from = " FROM application a JOIN organisation o ON o.id = a.organisation_id WHERE a.call_id = ? ";
        return new Statistics(
                jdbc.sql("SELECT COUNT(*)" + from).param(callId).query(Long.class).single(),
                grouped("SELECT a.status, COUNT(*)" + from + "GROUP BY a.status ORDER BY a.status", callId),
                grouped("SELECT a.category_code, COUNT(*)" + from + "GROUP BY a.category_code ORDER BY a.category_code", callId),
                grouped("SELECT o.country, COUNT(*)" + from + "GROUP BY o.country ORDER BY o.country", callId),
                grouped("SELECT o.type, COUNT(*)" + from + "GROUP BY o.type ORDER BY o.type", callId),
                jdbc.sql("SELECT COUNT(DISTINCT o.id)" + from).param(callId).query(Long.class).single(),
                grouped("SELECT o.type, COUNT(DISTINCT o.id)" + from + "GROUP BY o.type ORDER BY o.type", callId),
                jdbc.sql("SELECT COUNT(DISTINCT o.country)" + from).param(callId).query(Long.class).single());
    }

    private Map<String, Long> grouped(String sql, long callId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).param(callId).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
