package org.awardeval.assignment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class JudgeRepository {

    private final JdbcClient jdbc;

    public JudgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String userId, String name, String email, String gender, String country, String affiliation, int maxLoad,
            Set<String> expertise) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO judge (user_id, code, name, email, gender, country, affiliation, max_load)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, "pending-" + userId, name, email, gender, country, affiliation, maxLoad)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        jdbc.sql("UPDATE judge SET code = ? WHERE id = ?").params(String.format("J-%02d", id), id).update();
        for (String category : expertise) {
            jdbc.sql("INSERT INTO judge_expertise (judge_id, category_code) VALUES (?, ?)").params(id, category).update();
        }
        return id;
    }

    public List<Judge> all() {
        Map<Long, Set<String>> expertise = new HashMap<>();
        jdbc.sql("SELECT judge_id, category_code FROM judge_expertise").query(rs -> {
            expertise.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
        });
        return jdbc.sql("SELECT * FROM judge ORDER BY id").query((rs, row) -> new Judge(rs.getLong("id"), rs.getString("user_id"),
                rs.getString("code"), rs.getString("name"), rs.getString("email"), rs.getString("gender"), rs.getString("country"),
                rs.getString("affiliation"), rs.getInt("max_load"), Set.copyOf(expertise.getOrDefault(rs.getLong("id"), Set.of()))))
                .list();
    }

    public Optional<Long> findIdByUserId(String userId) {
        return jdbc.sql("SELECT id FROM judge WHERE user_id = ?").param(userId).query(Long.class).optional();
    }
}
