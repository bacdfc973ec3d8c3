package org.awardeval.documents;

import java.util.List;
import org.awardeval.call.CallTexts;
import org.awardeval.call.CallTextsInLanguage;
import org.awardeval.submission.RequiredDocuments;
import org.springframework.stereotype.Component;

/** The required slots of a call, for the forms that cannot take documents. */
@Component
class SlotRequirements implements RequiredDocuments {

    private final DocumentRepository repository;
    private final CallTextsInLanguage calls;

    SlotRequirements(DocumentRepository repository, CallTextsInLanguage calls) {
        this.repository = repository;
        this.calls = calls;
    }

    @Override
    public List<String> labels(long callId) {
        CallTexts texts = calls.of(callId);
        return repository.slots(callId).stream().filter(DocumentSlot::required).map(s -> texts.document(s.code(), s.label()).text())
                .toList();
    }
}
