package org.awardeval.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ApplicationRepository {

    private static final String SELECT = """
            SELECT a.*, o.name AS organisation_name, o.type AS organisation_type, o.country AS organisation_country
            FROM application a JOIN organisation o ON o.id = a.organisation_id""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;

    public ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation with this name in this country, created on first use. */
    public long organisationId(String name, String type, String country) {
        String normalised = normalise(name);
        return jdbc.sql("SELECT id FROM organisation WHERE normalised_name = ? AND country = ?").params(normalised, country)
                .query(Long.class).optional()
                .orElseGet(() -> {
                    GeneratedKeyHolder key = new GeneratedKeyHolder();
                    jdbc.sql("INSERT INTO organisation (name, normalised_name, type, country) VALUES (?, ?, ?, ?)")
                            .params(name, normalised, type, country).update(key, "id");
                    return key.getKeyAs(Number.class).longValue();
                });
    }

    public long insert(ApplicationForm form, long callId, long organisationId, String codePrefix, OffsetDateTime submittedAt,
            String language) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO application (call_id, organisation_id, category_code, code, contact_name, contact_email, title, summary,
                    description, educators_reached, outcomes, partners, extra_facts, consent, submitted_at, status, language)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?)""")
                .params(callId, organisationId, form.categoryCode(), "pending-" + UUID.randomUUID(), form.contactName(),
                        form.contactEmail(), form.title(), nullToEmpty(form.summary()), nullToEmpty(form.description()),
                        form.educatorsReached(), form.outcomes(), form.partners(), json(form.extraFacts()),
                        Boolean.TRUE.equals(form.consent()), submittedAt, language)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        // The code is derived from the id so that concurrent submissions never collide.
        jdbc.sql("UPDATE application SET code = ? WHERE id = ?")
                .params(String.format("%s-%s-%03d", codePrefix, form.categoryCode(), id), id).update();
        return id;
    }

    /** The application of this call with the same organisation, title and contact e-mail, if one was submitted. */
    public Optional<StoredApplication> findSame(long callId, String organisationName, String country, String title, String email) {
        if (organisationName == null || country == null || title == null || email == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " " + """
                 WHERE a.call_id = ? AND o.normalised_name = ? AND o.country = ? AND LOWER(a.title) = ? AND LOWER(a.contact_email) = ?""")
                .params(callId, normalise(organisationName), country.strip(), title.strip().toLowerCase(Locale.ROOT),
                        email.strip().toLowerCase(Locale.ROOT))
                .query(ApplicationRepository::map).optional();
    }

    /** Applications the same organisation submitted to the same call before this one, for the duplicate rule. */
    public List<StoredApplication> earlierOfSameOrganisation(long applicationId) {
        return jdbc.sql(SELECT + " " + """
                 WHERE a.call_id = (SELECT call_id FROM application WHERE id = :id)
                 AND a.organisation_id = (SELECT organisation_id FROM application WHERE id = :id) AND a.id < :id ORDER BY a.id""")
                .param("id", applicationId).query(ApplicationRepository::map).list();
    }

    public void recordDuplicate(long id, String duplicateOf) {
        jdbc.sql("UPDATE application SET duplicate_of = ? WHERE id = ?").params(duplicateOf, id).update();
    }

    public StoredApplication get(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(ApplicationRepository::map).single();
    }

    /**
     * How many other applications of the call, not withdrawn nor ineligible, share its category and, when given, its
     * country (in any case) and its type of organisation.
     */
    public long countAlike(StoredApplication application, boolean sameCountry, boolean sameType) {
        return jdbc.sql("SELECT COUNT(*) FROM application a JOIN organisation o ON o.id = a.organisation_id"
                + " WHERE a.call_id = ? AND a.id <> ? AND a.category_code = ? AND a.status NOT IN ('WITHDRAWN', 'INELIGIBLE')"
                + (sameCountry ? " AND LOWER(o.country) = LOWER(?)" : "") + (sameType ? " AND o.type = ?" : ""))
                .params(alikeParams(application, sameCountry, sameType)).query(Long.class).single();
    }

    private static List<Object> alikeParams(StoredApplication application, boolean sameCountry, boolean sameType) {
        List<Object> params = new java.util.ArrayList<>(List.of(application.callId(), application.id(), application.categoryCode()));
        if (sameCountry) {
            params.add(application.country());
        }
        if (sameType) {
            params.add(application.organisationType());
        }
        return params;
    }

    public Optional<StoredApplication> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(ApplicationRepository::map).optional();
    }

    public List<StoredApplication> byCallAndStatus(long callId, ApplicationStatus status) {
        return jdbc.sql(SELECT + " WHERE a.call_id = ? AND a.status = ? ORDER BY a.id").params(callId, status.name())
                .query(ApplicationRepository::map).list();
    }

    /** The applications whose contact e-mail is this address, whatever the case of its letters, newest first. */
    public List<StoredApplication> byContactEmail(String email) {
        return jdbc.sql(SELECT + " WHERE a.contact_email_key = ? ORDER BY a.id DESC").param(email.toLowerCase(Locale.ROOT))
                .query(ApplicationRepository::map).list();
    }

    public List<StoredApplication> byCall(long callId) {
        return jdbc.sql(SELECT + " WHERE a.call_id = ? ORDER BY a.id").param(callId).query(ApplicationRepository::map).list();
    }

    /** Per category, the call's applications in none of these statuses. */
    public Map<String, Integer> countByCategory(long callId, Collection<ApplicationStatus> excluded) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT category_code, COUNT(*) FROM application WHERE call_id = :call AND status NOT IN (:excluded) GROUP BY category_code")
                .param("call", callId).param("excluded", excluded.stream().map(Enum::name).toList())
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Whether any of the call's applications has one of the statuses; stops at the first it finds. */
    public boolean anyByCallAndStatus(long callId, Collection<ApplicationStatus> statuses) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM application WHERE call_id = :call AND status IN (:statuses))")
                .param("call", callId).param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Boolean.class).single();
    }

    /** The call's applications by the id of their process instance, as codes. */
    public Map<String, String> codesByProcessInstance(long callId) {
        Map<String, String> codes = new HashMap<>();
        jdbc.sql("SELECT process_instance_id, code FROM application WHERE call_id = ? AND process_instance_id IS NOT NULL").param(callId)
                .query(rs -> {
                    codes.put(rs.getString(1), rs.getString(2));
                });
        return codes;
    }

    /** An application's status and the eligibility decision that led to it. */
    public record EligibilityDecision(String status, String rule, String reason) {
    }

    /** Per application code of the call, its eligibility decision. */
    public Map<String, EligibilityDecision> eligibilityByCode(long callId) {
        Map<String, EligibilityDecision> eligibility = new HashMap<>();
        jdbc.sql("SELECT code, status, eligibility_rule, eligibility_reason FROM application WHERE call_id = ?").param(callId)
                .query(rs -> {
                    eligibility.put(rs.getString(1), new EligibilityDecision(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return eligibility;
    }

    public void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE application SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    /** Moves every application of a call from one status to another; returns how many moved. */
    int moveAllOfCall(long callId, ApplicationStatus from, ApplicationStatus to) {
        return jdbc.sql("UPDATE application SET status = ? WHERE call_id = ? AND status = ?").params(to.name(), callId, from.name()).update();
    }

    /** Moves the application to a status if it is in one of {@code from}; returns how many rows moved (0 or 1). */
    int move(long id, Collection<ApplicationStatus> from, ApplicationStatus to) {
        if (from.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE application SET status = :to WHERE id = :id AND status IN (:from)").param("to", to.name()).param("id", id)
                .param("from", from.stream().map(Enum::name).toList()).update();
    }

    /** A sent application's earlier text, as its applicant may read it again. */
    public record Version(int version, String title, String summary, String description, OffsetDateTime savedAt) {
    }

    /** Keeps the application's texts as they are now as its next version; returns the number given. */
    int keepVersion(long id, OffsetDateTime at) {
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM application_version WHERE application_id = ?").param(id)
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO application_version (application_id, version, title, summary, description, saved_at)
                SELECT id, ?, title, summary, description, ? FROM application WHERE id = ?""").params(next, at, id).update();
        return next;
    }

    public List<Version> versions(long id) {
        return jdbc.sql("SELECT version, title, summary, description, saved_at FROM application_version WHERE application_id = ? ORDER BY version")
                .param(id).query(Version.class).list();
    }

    void updateCase(long id, String title, String summary, String description) {
        jdbc.sql("UPDATE application SET title = ?, summary = ?, description = ? WHERE id = ?").params(title, summary, description, id)
                .update();
    }

    void updateTexts(long id, String summary, String description) {
        jdbc.sql("UPDATE application SET summary = ?, description = ? WHERE id = ?").params(summary, description, id).update();
    }

    void recordWithdrawal(long id, String reason, OffsetDateTime at) {
        jdbc.sql("UPDATE application SET withdrawal_reason = ?, withdrawn_at = ? WHERE id = ?").params(reason, at, id).update();
    }

    void recordEligibility(long id, String rule, String reason) {
        jdbc.sql("UPDATE application SET eligibility_rule = ?, eligibility_reason = ? WHERE id = ?").params(rule, reason, id).update();
    }

    public static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The further facts a channel received with the application (extra CSV columns), by name. */
    public Map<String, String> extraFacts(long applicationId) {
        String text = jdbc.sql("SELECT extra_facts FROM application WHERE id = ?").param(applicationId).query(String.class).optional()
                .orElse(null);
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The further facts of application " + applicationId + " are not valid JSON", e);
        }
    }

    private static String json(Map<String, String> facts) {
        if (facts == null || facts.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(new TreeMap<>(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static StoredApplication map(ResultSet rs, int row) throws SQLException {
        return new StoredApplication(rs.getLong("id"), rs.getLong("call_id"), rs.getString("code"), rs.getString("category_code"),
                rs.getString("organisation_name"), rs.getString("organisation_type"), rs.getString("organisation_country"),
                rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("title"), rs.getString("summary"),
                rs.getString("description"), (Integer) rs.getObject("educators_reached", Integer.class), rs.getString("outcomes"),
                rs.getString("partners"), rs.getBoolean("consent"),
                rs.getObject("submitted_at", OffsetDateTime.class), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("eligibility_reason"), rs.getString("withdrawal_reason"), rs.getString("language"));
    }
}
