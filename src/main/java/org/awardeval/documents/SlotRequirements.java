package org.awardeval.documents;

import java.util.List;
import org.awardeval.submission.RequiredDocuments;
import org.springframework.stereotype.Component;

/** The required slots of a call, for the forms that cannot take documents. */
@Component
class SlotRequirements implements RequiredDocuments {

    private final DocumentRepository repository;

    SlotRequirements(DocumentRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<String> labels(long callId) {
        return repository.slots(callId).stream().filter(DocumentSlot::required).map(DocumentSlot::label).toList();
    }
}
