package org.awardeval.documents;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.awardeval.call.CallRepository;
import org.awardeval.submission.ApplicationWithdrawn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents follow their application: withdrawn with it (no judge reaches them from then on), and their bytes deleted
 * once the call was announced longer ago than the retention period ({@code award.documents.retention}); what was
 * kept, its checksum and the audit's entries stay.
 */
@Component
class DocumentKeeping {

    private final DocumentRepository repository;
    private final DocumentStore store;
    private final CallRepository calls;
    private final Duration retention;

    DocumentKeeping(DocumentRepository repository, DocumentStore store, CallRepository calls,
            @Value("${award.documents.retention:P365D}") Duration retention) {
        this.repository = repository;
        this.store = store;
        this.calls = calls;
        this.retention = retention;
    }

    @EventListener
    void withdrawn(ApplicationWithdrawn event) {
        OffsetDateTime now = OffsetDateTime.now();
        for (StoredDocument d : repository.ofApplication(event.applicationId())) {
            repository.setStatus(d.id(), StoredDocument.Status.WITHDRAWN, now);
            repository.event(d.callId(), d.applicationId(), d.id(), "applicant", "Document withdrawn with the application", d.slotCode());
        }
    }

    /** Deletes the bytes of documents whose call was announced before the retention period; returns how many. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT5M")
    @Transactional
    public int forgetExpired() {
        OffsetDateTime before = OffsetDateTime.now().minus(retention);
        List<Long> expired = calls.summaries().stream().map(CallRepository.Summary::id)
                .filter(id -> {
                    OffsetDateTime announced = calls.milestones(id).announcedAt();
                    return announced != null && announced.isBefore(before);
                }).toList();
        int forgotten = 0;
        for (StoredDocument d : repository.holdingBytes(expired)) {
            if (!repository.forgetBytes(d.id())) {
                continue;
            }
            forgotten++;
            repository.event(d.callId(), d.applicationId(), d.id(), "system", "Document deleted after the retention period",
                    "sha256 " + d.sha256());
            Documents.afterCommit(() -> {
                store.delete(d.storageKey());
                store.delete(d.cleanKey());
            });
        }
        return forgotten;
    }
}
