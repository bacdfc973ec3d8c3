package org.awardeval.documents;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awardeval.call.CallRepository;
import org.awardeval.documents.DocumentInspector.Inspection;
import org.awardeval.documents.DocumentInspector.PageText;
import org.awardeval.documents.IdentityRules.Applicant;
import org.awardeval.documents.IdentityRules.Finder;
import org.awardeval.documents.IdentityRules.Match;
import org.awardeval.documents.StoredDocument.Status;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.submission.SubmissionService.Submission;
import org.awardeval.submission.SubmissionService;
import org.awardeval.web.Languages;
import org.awardeval.web.Localized;
import org.awardeval.web.ValidationException.FieldError;
import org.awardeval.web.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Supporting documents: the slots a call asks for, what applicants upload into them (checked, cleaned and searched for
 * their identity before anything is kept), what the redaction check releases to judges, and who may download what.
 * A refused file leaves nothing behind.
 */
@Service
public class Documents {

    /** A file as it arrived, for a slot. */
    public record Upload(String slotCode, String fileName, byte[] bytes) {
    }

    /** A document with what the identity check found in it, as applicants and coordinators see it. */
    public record Checked(StoredDocument document, DocumentSlot slot, List<Finding> findings) {

        /** Whether judges' copy would still name the applicant. */
        public boolean namesApplicant() {
            return findings.stream().anyMatch(f -> !f.removed());
        }

        /** The file name, or the link, as the applicant gave it. */
        public String shownName() {
            return document.isLink() ? document.link() : document.fileName();
        }

        /** "PDF, 12 pages, 2.3 MB" or "a link". */
        public String facts() {
            if (document.isLink()) {
                return "a link";
            }
            String kind = DocumentInspector.PDF.equals(document.mediaType()) ? "PDF"
                    : DocumentInspector.PNG.equals(document.mediaType()) ? "PNG image" : "JPEG image";
            return kind + (document.pages() == null ? "" : ", " + document.pages() + (document.pages() == 1 ? " page" : " pages")) + ", "
                    + DocumentSlot.size(document.sizeBytes());
        }
    }

    /** Bytes to send: the media type and the name the download gets. */
    public record Download(byte[] bytes, String mediaType, String fileName) {
    }

    static final Pattern SLOT_CODE = Pattern.compile("[a-z][a-zA-Z0-9]{1,39}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT_TEXT = 1_000_000;

    private final DocumentRepository repository;
    private final DocumentStore store;
    private final IdentityRules identity;
    private final SubmissionService submissions;
    private final CallRepository calls;

    Documents(DocumentRepository repository, DocumentStore store, IdentityRules identity, SubmissionService submissions,
            CallRepository calls) {
        this.submissions = submissions;
        this.calls = calls;
        this.repository = repository;
        this.store = store;
        this.identity = identity;
    }

    public List<DocumentSlot> slots(long callId) {
        return repository.slots(callId);
    }

    /** Sets the documents a call asks for, checked; refused as a whole when any slot is wrong. */
    @Transactional
    public void defineSlots(long callId, List<DocumentSlot> slots) {
        List<FieldError> errors = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            DocumentSlot s = slots.get(i);
            String field = "slots[" + i + "]";
            if (s == null) {
                errors.add(new FieldError(field, "is empty"));
                continue;
            }
            if (s.code() == null || !SLOT_CODE.matcher(s.code()).matches()) {
                errors.add(new FieldError(field + ".code",
                        "must be a word of letters and digits starting with a small letter, e.g. caseReport"));
            } else if (codes.contains(s.code())) {
                errors.add(new FieldError(field + ".code", "'" + s.code() + "' is used by another slot"));
            } else {
                codes.add(s.code());
            }
            if (s.label() == null || s.label().isBlank() || s.label().length() > 200) {
                errors.add(new FieldError(field + ".label", "is needed (at most 200 characters)"));
            }
            if (s.kind() == null) {
                errors.add(new FieldError(field + ".kind", "must be PDF, IMAGES or LINK"));
            }
            if (s.maxFiles() < 1 || s.maxFiles() > 20 || (s.kind() != DocumentSlot.Kind.IMAGES && s.maxFiles() != 1)) {
                errors.add(new FieldError(field + ".maxFiles", "must be 1 for a PDF or a link, and from 1 to 20 for images"));
            }
            if (s.kind() != DocumentSlot.Kind.LINK && (s.maxBytes() < 1024 || s.maxBytes() > DocumentSlot.LARGEST_FILE)) {
                errors.add(new FieldError(field + ".maxBytes", "must be from 1 KB to " + DocumentSlot.size(DocumentSlot.LARGEST_FILE)));
            }
            if (s.maxPages() != null && (s.maxPages() < 1 || s.maxPages() > 1000)) {
                errors.add(new FieldError(field + ".maxPages", "must be from 1 to 1000"));
            }
        }
        if (slots.size() > 10) {
            errors.add(new FieldError("slots", "at most 10 documents can be asked for"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        repository.replaceSlots(callId, slots);
    }

    // ---- Drafts in the portal

    public List<Checked> ofDraft(long callId, long draftId) {
        return checked(callId, repository.ofDraft(draftId));
    }

    /** Checks and keeps a file for a draft's slot; refused with the slot's name and the reason, nothing kept. */
    @Transactional
    public Checked uploadToDraft(long callId, long draftId, Upload upload, String actor, Applicant applicant) {
        DocumentSlot slot = slot(callId, upload.slotCode());
        long held = repository.ofDraft(draftId).stream().filter(d -> d.slotCode().equals(slot.code())).count();
        if (held >= slot.maxFiles()) {
            throw slot.maxFiles() == 1 ? refused(callId, slot, "already holds a file; remove it first to upload another", "full")
                    : refused(callId, slot, "already holds " + held + " files, the most it takes; remove one first", "fullOfFiles", held);
        }
        Inspected inspected = inspect(callId, slot, upload, applicant);
        return keep(callId, draftId, null, Status.DRAFT, slot, inspected, actor);
    }

    /** Keeps a link (a video) for a draft's slot, replacing an earlier one. */
    @Transactional
    public Checked linkInDraft(long callId, long draftId, String slotCode, String address, String actor, Applicant applicant) {
        DocumentSlot slot = slot(callId, slotCode);
        Inspected inspected = link(callId, slot, address, applicant);
        repository.ofDraft(draftId).stream().filter(d -> d.slotCode().equals(slot.code()))
                .forEach(d -> remove(d, actor));
        return keep(callId, draftId, null, Status.DRAFT, slot, inspected, actor);
    }

    /** Removes a document of the draft; a document of another draft is not found. */
    @Transactional
    public void removeFromDraft(long draftId, long documentId, String actor) {
        StoredDocument document = repository.find(documentId).filter(d -> d.draftId() != null && d.draftId() == draftId
                && d.status() == Status.DRAFT).orElseThrow(() -> new ValidationException(List.of(new FieldError("document",
                        "is not one of this application's documents", "notYours", List.of()))));
        remove(document, actor);
    }

    /** The required slots a set of documents leaves empty, as field errors naming each. */
    public List<FieldError> missing(long callId, List<StoredDocument> documents) {
        return repository.slots(callId).stream().filter(DocumentSlot::required)
                .filter(s -> documents.stream().noneMatch(d -> d.slotCode().equals(s.code())))
                .map(s -> needed(callId, s)).toList();
    }

    /** A sent draft's documents become the application's ({@link #missing} says first whether any is lacking). */
    @Transactional
    public void attach(long draftId, long applicationId) {
        repository.attach(draftId, applicationId);
    }

    // ---- Files sent with an application over the API

    /** Checks every file and link sent with an application; refused as a whole, naming each slot and its reason. */
    public List<Inspected> check(long callId, List<Upload> uploads, Map<String, String> links, Applicant applicant) {
        List<FieldError> errors = new ArrayList<>();
        List<Inspected> checked = new ArrayList<>();
        Map<String, Integer> perSlot = new LinkedHashMap<>();
        for (Upload upload : uploads) {
            try {
                DocumentSlot slot = slot(callId, upload.slotCode());
                int count = perSlot.merge(slot.code(), 1, Integer::sum);
                if (count > slot.maxFiles()) {
                    throw refused(callId, slot, "takes at most " + slot.maxFiles() + (slot.maxFiles() == 1 ? " file" : " files"), "tooManyFiles",
                            slot.maxFiles());
                }
                checked.add(inspect(callId, slot, upload, applicant));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        links.forEach((code, address) -> {
            try {
                checked.add(link(callId, slot(callId, code), address, applicant));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        });
        for (DocumentSlot slot : repository.slots(callId)) {
            if (slot.required() && checked.stream().noneMatch(c -> c.slot().code().equals(slot.code()))
                    && errors.stream().noneMatch(e -> e.field().equals(slot.code()))) {
                errors.add(needed(callId, slot));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return checked;
    }

    /** An application sent with its documents: its reference and the documents kept, with what their check found. */
    public record Sent(Submission submission, List<Checked> documents) {
    }

    /**
     * Sends an application with its files and links, as the API takes them: everything is checked first and refused as a
     * whole; the documents are kept with the application before its process starts, so its first task lists them.
     */
    public Sent submit(long callId, ApplicationForm form, List<Upload> uploads, Map<String, String> links) {
        List<Inspected> checked = check(callId, uploads, links, new Applicant(form.organisationName(), form.contactName(),
                form.contactEmail(), form.partners(), Map.of()));
        List<Checked> kept = new ArrayList<>();
        Submission submission = submissions.submit(callId, form, false, stored -> {
            kept.addAll(keepSent(callId, stored.id(), checked, "applicant " + stored.contactEmail()));
            return startVariables(callId, stored.id());
        });
        return new Sent(submission, kept);
    }

    /** Keeps checked documents with a sent application. */
    @Transactional
    public List<Checked> keepSent(long callId, long applicationId, List<Inspected> inspected, String actor) {
        return inspected.stream().map(i -> keep(callId, null, applicationId, Status.SENT, i.slot(), i, actor)).toList();
    }

    /**
     * Replaces a sent application's document with a new file for the same slot (an anonymised version the award office
     * asked for), checked as on upload; the old one is removed. Only before the documents are released.
     */
    @Transactional
    public Checked replace(long callId, long applicationId, long documentId, Upload upload, String actor, Applicant applicant) {
        StoredDocument old = repository.find(documentId).filter(d -> d.applicationId() != null && d.applicationId() == applicationId
                && d.status() == Status.SENT && !d.isLink()).orElseThrow(() -> new ValidationException(List.of(new FieldError("document",
                        "is not one of this application's documents that can still be replaced", "notYours", List.of()))));
        DocumentSlot slot = slot(callId, old.slotCode());
        Inspected inspected = inspect(callId, slot, new Upload(slot.code(), upload.fileName(), upload.bytes()), applicant);
        remove(old, actor);
        return keep(callId, null, applicationId, Status.SENT, slot, inspected, actor);
    }

    // ---- The application's documents, for coordinators and the release

    public List<Checked> ofApplication(long callId, long applicationId) {
        return checked(callId, repository.ofApplication(applicationId));
    }

    /**
     * Searches the documents again with the application's identity as it is now (its texts may have changed since the
     * upload) and keeps what it found. A document last searched for the same identity by the same rules keeps its
     * findings unread: the redaction check searches when its task opens and again at the release.
     */
    @Transactional
    public List<Checked> recheck(long callId, long applicationId) {
        List<DocumentSlot> slots = repository.slots(callId);
        Finder finder = identity.ofApplication(applicationId);
        List<Checked> result = new ArrayList<>();
        for (StoredDocument d : repository.ofApplication(applicationId)) {
            if (d.status() == Status.WITHDRAWN) {
                continue;
            }
            if (finder.key() != null && finder.key().equals(d.findingsKey())) {
                result.add(new Checked(d, slotIn(slots, d.slotCode()), parse(d.findings())));
                continue;
            }
            List<Finding> findings = new ArrayList<>(find(finder, d.fileName(), d.link(), pages(repository.text(d.id()))));
            findings.addAll(parse(d.findings()).stream().filter(f -> f.where().startsWith("the document's properties")).toList());
            repository.setFindings(d.id(), json(findings), finder.key());
            result.add(new Checked(d, slotIn(slots, d.slotCode()), findings));
        }
        return result;
    }

    /**
     * Releases the application's documents to its judges. A document whose judges' copy still names the applicant is
     * withheld when the coordinator chose so, and otherwise refuses the release with where it names them.
     */
    @Transactional
    public void release(long callId, long applicationId, boolean withholdNaming, String actor) {
        List<Checked> documents = recheck(callId, applicationId);
        List<FieldError> errors = new ArrayList<>();
        for (Checked c : documents) {
            if (c.namesApplicant() && !withholdNaming) {
                errors.add(new FieldError(WITHHOLD_FIELD, c.slot().label() + " (" + c.shownName() + ") still names the applicant: "
                        + c.findings().stream().filter(f -> !f.removed()).limit(3).map(Finding::describe)
                                .reduce((a, b) -> a + "; " + b).orElse("")
                        + ". Ask the applicant for an anonymised version, or withhold it from the judges"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        OffsetDateTime now = OffsetDateTime.now();
        for (Checked c : documents) {
            Status status = c.namesApplicant() ? Status.WITHHELD : Status.RELEASED;
            repository.setStatus(c.document().id(), status, now);
            repository.event(callId, applicationId, c.document().id(), actor, status == Status.RELEASED ? "Document released to judges"
                    : "Document withheld from judges", c.slot().label() + (status == Status.WITHHELD ? ": names the applicant" : ""));
        }
    }

    /** The form field of the redaction check by which the coordinator withholds documents that name the applicant. */
    public static final String WITHHOLD_FIELD = "withholdNamingDocuments";

    /** What the judges of an application get: its released documents. */
    public List<StoredDocument> released(long applicationId) {
        return repository.ofApplication(applicationId).stream().filter(d -> d.status() == Status.RELEASED).toList();
    }

    public Optional<StoredDocument> find(long documentId) {
        return repository.find(documentId);
    }

    public DocumentSlot slotOf(long callId, String code) {
        return slotIn(repository.slots(callId), code);
    }

    /** The slot of this code among a call's slots; one named by its code when the call no longer asks for it. */
    public static DocumentSlot slotIn(List<DocumentSlot> slots, String code) {
        return slots.stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseGet(() -> new DocumentSlot(code, code, DocumentSlot.Kind.PDF, false, 1, DocumentSlot.LARGEST_FILE, null));
    }

    /** The judges' copy (no metadata, a name that says nothing of the applicant), recorded in the audit. */
    public Download judgesCopy(StoredDocument d, String applicationCode, String actor) {
        repository.event(d.callId(), d.applicationId(), d.id(), actor, "Document downloaded by a judge", d.slotCode());
        return new Download(store.get(d.cleanKey()), d.mediaType(), applicationCode + "-" + d.slotCode() + "-" + d.id() + extension(d));
    }

    /** The judges' copy as the award office checks it, recorded in the audit as theirs. */
    public Download judgesCopyForOffice(StoredDocument d, String actor) {
        repository.event(d.callId(), d.applicationId(), d.id(), actor, "Document downloaded by the award office",
                d.slotCode() + " (judges' copy)");
        return new Download(store.get(d.cleanKey()), d.mediaType(), "document-" + d.slotCode() + "-" + d.id() + extension(d));
    }

    /** The file as the applicant gave it, for the award office. */
    public Download original(StoredDocument d, String actor) {
        repository.event(d.callId(), d.applicationId(), d.id(), actor, "Document downloaded by the award office", d.slotCode());
        return new Download(store.get(d.storageKey()), d.mediaType(), d.fileName());
    }

    /** Documents as Markdown links to the originals, for the award office's forms in Tasklist. */
    public static String officeLinks(List<Checked> checked) {
        if (checked.isEmpty()) {
            return "No documents came with this application.";
        }
        StringBuilder list = new StringBuilder();
        for (Checked c : checked) {
            list.append("- ").append(c.slot().label()).append(": ");
            if (c.document().isLink()) {
                list.append(c.document().link().replaceAll("[\\[\\]()<>]", ""));
            } else {
                list.append('[').append(c.shownName().replaceAll("[\\[\\]()<>*_`]", " ")).append("](/documents/").append(c.document().id())
                        .append("/original) (").append(c.facts()).append(')');
            }
            list.append('\n');
        }
        return list.toString();
    }

    /** The variables that start an application's process with its documents: the list the award office reads. */
    public Map<String, Object> startVariables(long callId, long applicationId) {
        return Map.of(ApplicationProcess.DOCUMENT_LIST, officeLinks(ofApplication(callId, applicationId)));
    }

    public List<DocumentEvent> events(long callId) {
        return repository.events(callId);
    }

    // ---- Inside

    /** A file or link that passed the checks, not yet kept. */
    public record Inspected(DocumentSlot slot, String fileName, String link, Inspection inspection, byte[] original, List<Finding> findings,
            String findingsKey) {
    }

    private Inspected inspect(long callId, DocumentSlot slot, Upload upload, Applicant applicant) {
        if (slot.kind() == DocumentSlot.Kind.LINK) {
            throw refused(callId, slot, "takes a link, not a file", "linkNotFile");
        }
        byte[] bytes = upload.bytes() == null ? new byte[0] : upload.bytes();
        Inspection inspection;
        try {
            inspection = DocumentInspector.inspect(bytes, slot);
        } catch (DocumentInspector.Refused e) {
            throw refused(callId, slot, e.getMessage(), e.code(), e.args().toArray());
        }
        String fileName = fileName(upload.fileName());
        Finder finder = identity.of(applicant);
        List<Finding> findings = new ArrayList<>(find(finder, fileName, null, inspection.text()));
        inspection.properties().forEach((property, value) -> finder.find(value).forEach(m -> findings.add(
                new Finding("the document's properties (" + property + ")", m.kind(), m.words(), true))));
        return new Inspected(slot, fileName, null, inspection, bytes, findings, finder.key());
    }

    private Inspected link(long callId, DocumentSlot slot, String address, Applicant applicant) {
        if (slot.kind() != DocumentSlot.Kind.LINK) {
            throw refused(callId, slot, "takes a file, not a link", "fileNotLink");
        }
        String value = address == null ? "" : address.strip();
        try {
            URI uri = new URI(value);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null
                    || value.length() > 2000) {
                throw refused(callId, slot, "needs a web address starting with https://, for example https://video.example.org/watch?v=abc",
                        "notALink");
            }
        } catch (URISyntaxException e) {
            throw refused(callId, slot, "is not a web address: " + e.getReason(), "notALink");
        }
        Finder finder = identity.of(applicant);
        List<Finding> findings = find(finder, null, value, List.of());
        return new Inspected(slot, null, value, null, null, findings, finder.key());
    }

    private Checked keep(long callId, Long draftId, Long applicationId, Status status, DocumentSlot slot, Inspected i, String actor) {
        Inspection inspection = i.inspection();
        StoredDocument draft = new StoredDocument(0, callId, slot.code(), draftId, applicationId, i.fileName(),
                inspection == null ? null : inspection.mediaType(), i.link(), i.original() == null ? null : (long) i.original().length,
                inspection == null ? null : inspection.pages(), i.original() == null ? null : sha256(i.original()), null,
                inspection == null ? null : sha256(inspection.clean()), null, json(i.findings()), i.findingsKey(), status, actor,
                OffsetDateTime.now());
        String text = inspection == null ? null : joined(inspection.text());
        long id = repository.insert(draft, text);
        if (inspection != null) {
            String original = "doc-" + id + "-original";
            String clean = "doc-" + id + "-clean";
            store.put(original, i.original());
            store.put(clean, inspection.clean());
            repository.setKeys(id, original, clean);
        }
        StoredDocument kept = repository.find(id).orElseThrow();
        repository.event(callId, applicationId, id, actor, "Document uploaded", slot.label() + ": " + (i.link() != null ? "a link"
                : i.fileName() + ", " + DocumentSlot.size(i.original().length) + ", sha256 " + kept.sha256()));
        return new Checked(kept, slot, i.findings());
    }

    private void remove(StoredDocument document, String actor) {
        repository.setStatus(document.id(), Status.REMOVED, OffsetDateTime.now());
        repository.event(document.callId(), document.applicationId(), document.id(), actor, "Document removed", document.slotCode());
        if (document.storageKey() != null) {
            afterCommit(() -> {
                store.delete(document.storageKey());
                store.delete(document.cleanKey());
            });
        }
    }

    static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private DocumentSlot slot(long callId, String code) {
        return repository.slots(callId).stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new ValidationException(List.of(new FieldError(code == null ? "document" : code,
                        "is not a document this call asks for", "notYours", List.of()))));
    }

    private FieldError needed(long callId, DocumentSlot slot) {
        return new FieldError(slot.code(), slot.label() + " is needed (" + slot.rules() + ")", "doc.needed",
                List.of(label(callId, slot), slot.rulesInWords()));
    }

    /** A file refused for a slot: {1} of the message "error.doc." + code is the slot's label, then the arguments. */
    private ValidationException refused(long callId, DocumentSlot slot, String reason, String code, Object... args) {
        List<Object> all = new ArrayList<>();
        all.add(label(callId, slot));
        all.addAll(List.of(args));
        return new ValidationException(List.of(new FieldError(slot.code(), slot.label() + ": " + reason, "doc." + code, all)));
    }

    /** The slot's name in the reader's language, as the call's coordinator translated it, else in English. */
    private Localized label(long callId, DocumentSlot slot) {
        return locale -> calls.texts(callId, Languages.code(locale)).document(slot.code(), slot.label()).text();
    }

    private List<Checked> checked(long callId, List<StoredDocument> documents) {
        List<DocumentSlot> slots = repository.slots(callId);
        return documents.stream().map(d -> new Checked(d, slotIn(slots, d.slotCode()), parse(d.findings()))).toList();
    }

    /** Where a finder's matches lie: the file name, the link, each page and line of the text. */
    static List<Finding> find(Finder finder, String fileName, String link, List<PageText> pages) {
        List<Finding> findings = new ArrayList<>();
        if (fileName != null) {
            finder.find(fileName.replace('_', ' ')).forEach(m -> findings.add(new Finding("the file name", m.kind(), m.words(), true)));
        }
        if (link != null) {
            // A link is a web address by its nature; what matters is whether it names the applicant.
            finder.find(link).stream().filter(m -> !m.kind().equals("a web address"))
                    .forEach(m -> findings.add(new Finding("the link", m.kind(), m.words(), false)));
        }
        for (PageText page : pages) {
            // A name broken over two lines is still found: the page is searched as one text, its lines counted.
            String flat = page.text().replace('\n', ' ').replace('\r', ' ');
            int from = 0;
            for (Match m : finder.find(flat)) {
                int at = flat.indexOf(m.words(), from);
                if (at < 0) {
                    at = Math.max(0, flat.indexOf(m.words()));
                } else {
                    from = at;
                }
                int line = 1 + (int) page.text().substring(0, Math.min(at, page.text().length())).chars().filter(c -> c == '\n').count();
                findings.add(new Finding("page " + page.page() + ", line " + line, m.kind(), m.words().replaceAll("\\s+", " "), false));
            }
        }
        return findings;
    }

    private static List<PageText> pages(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        String[] parts = joined.split("\f", -1);
        List<PageText> pages = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            pages.add(new PageText(i + 1, parts[i]));
        }
        return pages;
    }

    private static String joined(List<PageText> pages) {
        StringBuilder text = new StringBuilder();
        for (PageText page : pages) {
            if (!text.isEmpty()) {
                text.append('\f');
            }
            text.append(page.text().replace('\f', ' '));
        }
        return text.length() > KEPT_TEXT ? text.substring(0, KEPT_TEXT) : text.toString();
    }

    private static String fileName(String given) {
        String name = given == null ? "" : given.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "document";
        }
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        return name;
    }

    private static String extension(StoredDocument d) {
        return switch (d.mediaType() == null ? "" : d.mediaType()) {
            case DocumentInspector.PDF -> ".pdf";
            case DocumentInspector.PNG -> ".png";
            case DocumentInspector.JPEG -> ".jpg";
            default -> "";
        };
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(List<Finding> findings) {
        try {
            return JSON.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Finding> parse(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Finding>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
