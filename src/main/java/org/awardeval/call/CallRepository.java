package org.awardeval.call;

import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

@Repository
public class CallRepository {

    private final JdbcClient jdbc;
    private final String lockStatement;

    public CallRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // PostgreSQL's FOR NO KEY UPDATE leaves alone what inserts a row referring to the call (a foreign key's check):
        // under FOR UPDATE, the disagreement round's rows waited for a wake-up that waited for the round: a deadlock.
        this.lockStatement = "PostgreSQL".equals(productName(dataSource)) ? "SELECT id FROM award_call WHERE id = ? FOR NO KEY UPDATE"
                : "SELECT id FROM award_call WHERE id = ? FOR UPDATE";
    }

    private static String productName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("The database does not say what it is", e);
        }
    }

    public long insert(String name, String theme, String codePrefix, OffsetDateTime submissionDeadline, OffsetDateTime reviewDeadline,
            int reviewsPerApplication, int winnersPerCategory, int shortlistPerCategory, String chairUserId, String timeZone, Set<String> allowedTypes,
            OffsetDateTime embargoUntil, boolean sameCountryConflict, int summaryWords, int descriptionWords, String processInstanceId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO award_call (name, theme, code_prefix, submission_deadline, review_deadline, reviews_per_application,
                    winners_per_category, shortlist_per_category, chair_user_id, time_zone, allowed_organisation_types, embargo_until,
                    same_country_conflict, summary_words, description_words, status, process_instance_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(name, theme, codePrefix, submissionDeadline, reviewDeadline, reviewsPerApplication, winnersPerCategory,
                        shortlistPerCategory, chairUserId, timeZone, String.join(",", new TreeSet<>(allowedTypes)), embargoUntil,
                        sameCountryConflict, summaryWords, descriptionWords, processInstanceId, OffsetDateTime.now())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public void insertCategory(long callId, Category category) {
        jdbc.sql("INSERT INTO category (call_id, code, name, description, winners, shortlist) VALUES (?, ?, ?, ?, ?, ?)")
                .params(callId, category.code(), category.name(), category.description(), category.winners(), category.shortlist())
                .update();
    }

    public Optional<AwardCall> find(long callId) {
        return jdbc.sql("SELECT * FROM award_call WHERE id = ?").param(callId)
                .query((rs, row) -> new AwardCall(rs.getLong("id"), rs.getString("name"), rs.getString("theme"),
                        rs.getString("code_prefix"), rs.getObject("submission_deadline", OffsetDateTime.class),
                        rs.getObject("review_deadline", OffsetDateTime.class), rs.getInt("reviews_per_application"),
                        rs.getInt("winners_per_category"), rs.getInt("shortlist_per_category"), rs.getString("chair_user_id"),
                        CallStatus.valueOf(rs.getString("status")), rs.getString("time_zone"),
                        Set.of(rs.getString("allowed_organisation_types").split(",")),
                        rs.getObject("embargo_until", OffsetDateTime.class), rs.getBoolean("same_country_conflict"),
                        rs.getInt("summary_words"), rs.getInt("description_words"), List.of(rs.getString("languages").split(","))))
                .optional();
    }

    /** Locks the call's row until the transaction ends: the last applications of a phase wake the cycle one at a time. */
    public void lock(long callId) {
        jdbc.sql(lockStatement).param(callId).query(Long.class).single();
    }

    /** When a call was opened and announced, and its cycle instance. */
    public record Milestones(String cycleInstance, OffsetDateTime createdAt, OffsetDateTime announcedAt) {
    }

    /** A call as a list shows it. */
    public record Summary(long id, String name, String status) {
    }

    public Milestones milestones(long callId) {
        return jdbc.sql("SELECT process_instance_id, created_at, announced_at FROM award_call WHERE id = ?").param(callId)
                .query((rs, row) -> new Milestones(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3,
                        OffsetDateTime.class)))
                .single();
    }

    /** Every call, the newest first. */
    public List<Summary> summaries() {
        return jdbc.sql("SELECT id, name, status FROM award_call ORDER BY created_at DESC, id DESC")
                .query((rs, row) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The call's award cycle instance, once the cycle has started. */
    public Optional<String> processInstanceId(long callId) {
        return jdbc.sql("SELECT process_instance_id FROM award_call WHERE id = ?").param(callId).query(String.class).optional();
    }

    /** The call an award cycle instance runs: what its tasks and delegates act on, whatever its variables say. */
    public AwardCall ofCycle(String processInstanceId) {
        long id = jdbc.sql("SELECT id FROM award_call WHERE process_instance_id = ?").param(processInstanceId).query(Long.class)
                .optional().orElseThrow(() -> new IllegalStateException("No call runs in instance " + processInstanceId));
        return get(id);
    }

    public AwardCall get(long callId) {
        return find(callId).orElseThrow(() -> new IllegalArgumentException("No call with id " + callId));
    }

    public String codePrefixOf(long callId) {
        return get(callId).codePrefix();
    }

    public Optional<Long> findIdByName(String name) {
        return jdbc.sql("SELECT id FROM award_call WHERE name = ?").param(name).query(Long.class).optional();
    }

    /** The name of one of the call's categories; its code when the call has no such category. */
    public String categoryName(long callId, String code) {
        return categories(callId).stream().filter(c -> c.code().equals(code)).map(Category::name).findFirst().orElse(code);
    }

    public List<Category> categories(long callId) {
        return jdbc.sql("SELECT code, name, description, winners, shortlist FROM category WHERE call_id = ? ORDER BY id").param(callId)
                .query(Category.class).list();
    }

    /** How many cases each of the call's categories awards and shortlists. */
    public Quotas quotas(long callId) {
        AwardCall call = get(callId);
        Map<String, Integer> winners = new LinkedHashMap<>();
        Map<String, Integer> shortlist = new LinkedHashMap<>();
        for (Category category : categories(callId)) {
            if (category.winners() != null) {
                winners.put(category.code(), category.winners());
            }
            if (category.shortlist() != null) {
                shortlist.put(category.code(), category.shortlist());
            }
        }
        return new Quotas(call.winnersPerCategory(), call.shortlistPerCategory(), winners, shortlist);
    }

    /** The languages the call offers applicants, English among them, in the UN's order. */
    public void saveLanguages(long callId, List<String> languages) {
        jdbc.sql("UPDATE award_call SET languages = ? WHERE id = ?").params(String.join(",", languages), callId).update();
    }

    /** Replaces the call's texts in one language; an empty text is dropped (English is shown instead). */
    public void saveTexts(long callId, String language, Map<String, String> texts) {
        jdbc.sql("DELETE FROM call_text WHERE call_id = ? AND language = ?").params(callId, language).update();
        texts.forEach((key, text) -> {
            if (text != null && !text.isBlank()) {
                jdbc.sql("INSERT INTO call_text (call_id, language, text_key, text_value) VALUES (?, ?, ?, ?)")
                        .params(callId, language, key, text.strip()).update();
            }
        });
    }

    /** The call's translated texts by language and key. */
    public Map<String, Map<String, String>> translations(long callId) {
        Map<String, Map<String, String>> byLanguage = new TreeMap<>();
        jdbc.sql("SELECT language, text_key, text_value FROM call_text WHERE call_id = ? ORDER BY language, text_key").param(callId)
                .query(rs -> {
                    byLanguage.computeIfAbsent(rs.getString(1), l -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return byLanguage;
    }

    /** The call's name, theme and categories in a language, each in English where it has no translation. */
    public CallTexts texts(long callId, String language) {
        AwardCall call = get(callId);
        boolean english = "en".equals(language);
        Map<String, String> translated = english ? Map.of() : translations(callId).getOrDefault(language, Map.of());
        List<CallTexts.CategoryText> categories = categories(callId).stream().map(c -> new CallTexts.CategoryText(c.code(),
                text(translated, CallTexts.categoryName(c.code()), c.name(), english),
                text(translated, CallTexts.categoryDescription(c.code()), c.description(), english))).toList();
        Map<String, String> documents = new LinkedHashMap<>();
        translated.forEach((key, text) -> {
            if (key.startsWith(CallTexts.DOCUMENT)) {
                documents.put(key.substring(CallTexts.DOCUMENT.length()), text);
            }
        });
        return new CallTexts(language, text(translated, CallTexts.NAME, call.name(), english),
                text(translated, CallTexts.THEME, call.theme(), english), categories, documents);
    }

    private static CallTexts.Text text(Map<String, String> translated, String key, String english, boolean inEnglish) {
        String text = translated.get(key);
        if (text != null) {
            return new CallTexts.Text(text, null);
        }
        return new CallTexts.Text(english, inEnglish || english == null ? null : "en");
    }

    public void insertCriterion(long callId, String code, String label, BigDecimal weight, int position) {
        jdbc.sql("INSERT INTO rubric_criterion (call_id, code, label, weight, position) VALUES (?, ?, ?, ?, ?)")
                .params(callId, code, label, weight, position).update();
    }

    /** The call's criteria and their weights, in the rubric's order. */
    /** From which spread of an application's normalised review totals its judges are asked to reconsider. */
    public BigDecimal disagreementThreshold(long callId) {
        return jdbc.sql("SELECT disagreement_threshold FROM award_call WHERE id = ?").param(callId).query(BigDecimal.class).single();
    }

    public Map<String, BigDecimal> rubric(long callId) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        jdbc.sql("SELECT code, weight FROM rubric_criterion WHERE call_id = ? ORDER BY position").param(callId)
                .query(rs -> {
                    weights.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return weights;
    }

    /** Moves the submission deadline of an open call; false when the call is no longer open. */
    public boolean extendDeadline(long callId, OffsetDateTime deadline) {
        return jdbc.sql("UPDATE award_call SET submission_deadline = ? WHERE id = ? AND status = 'OPEN'")
                .params(deadline, callId).update() == 1;
    }

    /** Every application of the closed call has settled: its reviews are being assigned. Under the call's lock. */
    public void markApplicationsSettled(long callId, OffsetDateTime at) {
        jdbc.sql("UPDATE award_call SET applications_settled_at = ? WHERE id = ? AND applications_settled_at IS NULL")
                .params(at, callId).update();
    }

    /** Whether the call's applications have settled for the reviews: it then takes no more, from any channel. */
    public boolean applicationsSettled(long callId) {
        return jdbc.sql("SELECT applications_settled_at IS NOT NULL FROM award_call WHERE id = ?").param(callId).query(Boolean.class)
                .single();
    }

    public void close(long callId) {
        jdbc.sql("UPDATE award_call SET status = 'CLOSED', closed_at = ? WHERE id = ? AND status = 'OPEN'")
                .params(OffsetDateTime.now(), callId).update();
    }

    public void markAnnounced(long callId) {
        jdbc.sql("UPDATE award_call SET status = 'ANNOUNCED', announced_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(), callId).update();
    }
}
