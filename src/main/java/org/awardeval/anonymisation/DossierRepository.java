package org.awardeval.anonymisation;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DossierRepository {

    public record Dossier(long applicationId, String title, String summary, String description) {
    }

    private final JdbcClient jdbc;

    public DossierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the dossier, replacing an earlier one of the same application. */
    public void save(Dossier dossier) {
        jdbc.sql("DELETE FROM dossier WHERE application_id = ?").param(dossier.applicationId()).update();
        jdbc.sql("INSERT INTO dossier (application_id, title, summary, description, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(dossier.applicationId(), dossier.title(), dossier.summary(), dossier.description(), OffsetDateTime.now())
                .update();
    }

    public Optional<Dossier> find(long applicationId) {
        return jdbc.sql("SELECT application_id, title, summary, description FROM dossier WHERE application_id = ?")
                .param(applicationId).query(Dossier.class).optional();
    }
}
