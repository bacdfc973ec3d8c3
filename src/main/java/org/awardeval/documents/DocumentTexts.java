package org.awardeval.documents;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardeval.call.CallTexts;
import org.awardeval.call.CallTextsInLanguage;
import org.awardeval.web.Messages;
import org.springframework.stereotype.Component;

/** What the portal says of documents, in the applicant's language: a slot's rules, a file's facts, where it names them. */
@Component("documentTexts")
public class DocumentTexts {

    private static final Pattern PAGE_LINE = Pattern.compile("page (\\d+), line (\\d+)");
    private static final Pattern PROPERTIES = Pattern.compile("the document's properties \\((.*)\\)");
    /** The kinds of identifier the checks report, by their English words. */
    private static final Map<String, String> KINDS = Map.of("an e-mail address", "email", "a web address", "webAddress",
            "a phone number", "phone", "the organisation's name", "organisation", "a partner's name", "partner",
            "a person's name", "person");

    private final Messages messages;
    private final CallTextsInLanguage calls;

    DocumentTexts(Messages messages, CallTextsInLanguage calls) {
        this.messages = messages;
        this.calls = calls;
    }

    /** The slot's name in the reader's language, as the call's coordinator translated it, else in English marked as such. */
    public CallTexts.Text label(DocumentSlot slot, long callId) {
        return calls.of(callId).document(slot.code(), slot.label());
    }

    public String rules(DocumentSlot slot) {
        return messages.get(slot.rulesInWords());
    }

    public String size(long bytes) {
        return messages.get(DocumentSlot.sized(bytes));
    }

    /** "PDF, 12 pages, 2.3 MB" or "a link". */
    public String facts(Documents.Checked checked) {
        StoredDocument document = checked.document();
        if (document.isLink()) {
            return messages.get("doc.facts.link");
        }
        String kind = DocumentInspector.PDF.equals(document.mediaType()) ? "PDF"
                : DocumentInspector.PNG.equals(document.mediaType()) ? "PNG" : "JPEG";
        String size = size(document.sizeBytes());
        return document.pages() == null ? messages.get("doc.facts." + kind, size)
                : messages.get("doc.facts." + kind + "Pages", size, document.pages());
    }

    /** "page 3, line 12: the organisation's name (“Makerere University”)". */
    public String finding(Finding finding) {
        String where;
        Matcher page = PAGE_LINE.matcher(finding.where());
        Matcher properties = PROPERTIES.matcher(finding.where());
        if (page.matches()) {
            where = messages.get("doc.where.page", Integer.valueOf(page.group(1)), Integer.valueOf(page.group(2)));
        } else if (properties.matches()) {
            where = messages.get("doc.where.properties", properties.group(1));
        } else if (finding.where().equals("the file name")) {
            where = messages.get("doc.where.fileName");
        } else if (finding.where().equals("the link")) {
            where = messages.get("doc.where.link");
        } else {
            where = finding.where();
        }
        String kind = KINDS.containsKey(finding.kind()) ? messages.get("doc.kind." + KINDS.get(finding.kind())) : finding.kind();
        return messages.get(finding.removed() ? "doc.finding.removed" : "doc.finding", where, kind, finding.words());
    }
}
