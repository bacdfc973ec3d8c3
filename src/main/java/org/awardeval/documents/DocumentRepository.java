package org.awardeval.documents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The documents module's tables: slots per call, documents, their events. */
@Repository
class DocumentRepository {

    static final String COLUMNS = """
            id, call_id, slot_code, draft_id, application_id, file_name, media_type, link, size_bytes, pages, sha256, storage_key,
            clean_sha256, clean_key, findings, findings_key, status, uploaded_by, uploaded_at""";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DocumentSlot> slots(long callId) {
        return jdbc.sql("""
                SELECT code, label, kind, required, max_files, max_bytes, max_pages FROM document_slot WHERE call_id = ?
                ORDER BY position""").param(callId)
                .query((rs, row) -> new DocumentSlot(rs.getString(1), rs.getString(2), DocumentSlot.Kind.valueOf(rs.getString(3)),
                        rs.getBoolean(4), rs.getInt(5), rs.getLong(6), (Integer) rs.getObject(7)))
                .list();
    }

    void replaceSlots(long callId, List<DocumentSlot> slots) {
        jdbc.sql("DELETE FROM document_slot WHERE call_id = ?").param(callId).update();
        for (int i = 0; i < slots.size(); i++) {
            DocumentSlot s = slots.get(i);
            jdbc.sql("""
                    INSERT INTO document_slot (call_id, code, label, kind, required, max_files, max_bytes, max_pages, position)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(callId, s.code(), s.label(), s.kind().name(), s.required(), s.maxFiles(), s.maxBytes(), s.maxPages(), i)
                    .update();
        }
    }

    long insert(StoredDocument d, String text) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO document (call_id, slot_code, draft_id, application_id, file_name, media_type, link, size_bytes, pages,
                    sha256, storage_key, clean_sha256, clean_key, text, findings, findings_key, status, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.callId(), d.slotCode(), d.draftId(), d.applicationId(), d.fileName(), d.mediaType(), d.link(), d.sizeBytes(),
                        d.pages(), d.sha256(), d.storageKey(), d.cleanSha256(), d.cleanKey(), text, d.findings(), d.findingsKey(),
                        d.status().name(),
                        d.uploadedBy(), d.uploadedAt())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void setKeys(long id, String storageKey, String cleanKey) {
        jdbc.sql("UPDATE document SET storage_key = ?, clean_key = ? WHERE id = ?").params(storageKey, cleanKey, id).update();
    }

    Optional<StoredDocument> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE id = ?").param(id).query(StoredDocument.class).optional();
    }

    List<StoredDocument> ofDraft(long draftId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE draft_id = ? AND status <> 'REMOVED' ORDER BY id").param(draftId)
                .query(StoredDocument.class).list();
    }

    List<StoredDocument> ofApplication(long applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE application_id = ? AND status <> 'REMOVED' ORDER BY id")
                .param(applicationId).query(StoredDocument.class).list();
    }

    String text(long id) {
        return jdbc.sql("SELECT text FROM document WHERE id = ?").param(id).query(String.class).optional().orElse(null);
    }

    void attach(long draftId, long applicationId) {
        jdbc.sql("UPDATE document SET application_id = ?, status = 'SENT' WHERE draft_id = ? AND status = 'DRAFT'")
                .params(applicationId, draftId).update();
    }

    void setStatus(long id, StoredDocument.Status status, OffsetDateTime at) {
        jdbc.sql("UPDATE document SET status = ?, released_at = CASE WHEN ? = 'RELEASED' THEN ? ELSE released_at END,"
                + " removed_at = CASE WHEN ? = 'REMOVED' THEN ? ELSE removed_at END WHERE id = ?")
                .params(status.name(), status.name(), at, status.name(), at, id).update();
    }

    void setFindings(long id, String findings, String key) {
        jdbc.sql("UPDATE document SET findings = ?, findings_key = ? WHERE id = ?").params(findings, key, id).update();
    }

    /** Documents of these calls that still hold bytes. */
    List<StoredDocument> holdingBytes(List<Long> callIds) {
        if (callIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE storage_key IS NOT NULL AND call_id IN (:calls)")
                .param("calls", callIds).query(StoredDocument.class).list();
    }

    /** Forgets where a document's bytes are; false when another run already has. */
    boolean forgetBytes(long id) {
        return jdbc.sql("UPDATE document SET storage_key = NULL, clean_key = NULL, text = NULL WHERE id = ? AND storage_key IS NOT NULL")
                .param(id).update() == 1;
    }

    void event(long callId, Long applicationId, long documentId, String actor, String step, String detail) {
        jdbc.sql("""
                INSERT INTO document_event (call_id, application_id, document_id, actor, step, detail, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(callId, applicationId, documentId, actor, step, detail == null || detail.length() <= 1000 ? detail
                        : detail.substring(0, 1000), OffsetDateTime.now())
                .update();
    }

    List<DocumentEvent> events(long callId) {
        return jdbc.sql("SELECT at, actor, step, application_id, document_id, detail FROM document_event WHERE call_id = ? ORDER BY id")
                .param(callId).query(DocumentEvent.class).list();
    }
}
