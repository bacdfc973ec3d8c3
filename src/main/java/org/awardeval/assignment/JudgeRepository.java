package org.awardeval.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class JudgeRepository {

    /** A judge's profile as registered; expertise strongest first, conflicts as normalised organisation names. */
    public record Profile(String userId, String name, String email, String gender, String country, String region, String affiliation,
            int maxLoad, List<String> expertise, Set<String> conflicts) {
    }

    private final JdbcClient jdbc;

    public JudgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Profile p) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO judge (user_id, code, name, email, gender, country, region, affiliation, max_load)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.userId(), "pending-" + p.userId(), p.name(), p.email(), p.gender(), p.country(), p.region(), p.affiliation(),
                        p.maxLoad())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        jdbc.sql("UPDATE judge SET code = ? WHERE id = ?").params(String.format("J-%02d", id), id).update();
        saveLists(id, p);
        return id;
    }

    /** Updates the profile of a registered judge; their code and their assignments stay. */
    public void update(long id, Profile p) {
        jdbc.sql("""
                UPDATE judge SET name = ?, email = ?, gender = ?, country = ?, region = ?, affiliation = ?, max_load = ?
                WHERE id = ?""")
                .params(p.name(), p.email(), p.gender(), p.country(), p.region(), p.affiliation(), p.maxLoad(), id)
                .update();
        jdbc.sql("DELETE FROM judge_expertise WHERE judge_id = ?").param(id).update();
        jdbc.sql("DELETE FROM judge_conflict WHERE judge_id = ?").param(id).update();
        saveLists(id, p);
    }

    private void saveLists(long id, Profile p) {
        for (int position = 0; position < p.expertise().size(); position++) {
            jdbc.sql("INSERT INTO judge_expertise (judge_id, category_code, position) VALUES (?, ?, ?)")
                    .params(id, p.expertise().get(position), position).update();
        }
        for (String organisation : new TreeSet<>(p.conflicts())) {
            jdbc.sql("INSERT INTO judge_conflict (judge_id, organisation) VALUES (?, ?)").params(id, organisation).update();
        }
    }

    /** Adds a declared conflict, as a judge does from the review form. */
    public void addConflict(long id, String organisation) {
        if (jdbc.sql("SELECT COUNT(*) FROM judge_conflict WHERE judge_id = ? AND organisation = ?").params(id, organisation)
                .query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO judge_conflict (judge_id, organisation) VALUES (?, ?)").params(id, organisation).update();
        }
    }

    public List<Judge> all() {
        Map<Long, List<String>> expertise = new HashMap<>();
        jdbc.sql("SELECT judge_id, category_code FROM judge_expertise ORDER BY judge_id, position, category_code").query(rs -> {
            expertise.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        Map<Long, Set<String>> conflicts = new HashMap<>();
        jdbc.sql("SELECT judge_id, organisation FROM judge_conflict").query(rs -> {
            conflicts.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
        });
        return jdbc.sql("SELECT * FROM judge ORDER BY id").query((rs, row) -> new Judge(rs.getLong("id"), rs.getString("user_id"),
                rs.getString("code"), rs.getString("name"), rs.getString("email"), rs.getString("gender"), rs.getString("country"),
                rs.getString("region"), rs.getString("affiliation"), rs.getInt("max_load"),
                List.copyOf(expertise.getOrDefault(rs.getLong("id"), List.of())),
                Set.copyOf(conflicts.getOrDefault(rs.getLong("id"), Set.of()))))
                .list();
    }

    public Optional<Judge> byUserId(String userId) {
        return all().stream().filter(j -> j.userId().equals(userId)).findFirst();
    }

    /** The time zone the judge reads dates in, when they gave one. */
    public Optional<String> timeZone(String userId) {
        return jdbc.sql("SELECT time_zone FROM judge WHERE user_id = ? AND time_zone IS NOT NULL").param(userId).query(String.class).optional();
    }

    public void setTimeZone(long judgeId, String timeZone) {
        jdbc.sql("UPDATE judge SET time_zone = ? WHERE id = ?").params(timeZone, judgeId).update();
    }

    public Optional<Long> findIdByUserId(String userId) {
        return jdbc.sql("SELECT id FROM judge WHERE user_id = ?").param(userId).query(Long.class).optional();
    }
}
