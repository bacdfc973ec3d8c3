package org.awardeval.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallStatus;
import org.awardeval.clarification.ClarificationService.OpenQuestion;
import org.awardeval.clarification.ClarificationService;
import org.awardeval.documents.DocumentSlot;
import org.awardeval.documents.Documents.Checked;
import org.awardeval.documents.Documents;
import org.awardeval.documents.IdentityRules;
import org.awardeval.portal.DraftRepository.Draft;
import org.awardeval.portal.DraftRepository.Member;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.review.ReviewRepository;
import org.awardeval.submission.ApplicantFields;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.submission.ApplicationRepository.Version;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.ChangeService;
import org.awardeval.submission.StoredApplication;
import org.awardeval.submission.SubmissionService.Submission;
import org.awardeval.submission.SubmissionService;
import org.awardeval.submission.WithdrawalService;
import org.awardeval.web.NotFoundException;
import org.awardeval.web.ValidationException.FieldError;
import org.awardeval.web.ValidationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an applicant does in the portal, always as the address they signed in with: drafts they own, applications
 * whose contact e-mail is theirs. Submitting goes through the validation every channel shares.
 */
@Service
class PortalService {

    /** What a draft keeps: the form's fields, each cut at a length well past any limit, so a long text is not lost. */
    static final List<String> FIELDS = List.of(ApplicationProcess.ORGANISATION_NAME, ApplicationProcess.ORGANISATION_TYPE,
            ApplicationProcess.COUNTRY, ApplicationProcess.CONTACT_NAME, ApplicationProcess.CATEGORY_CODE, ApplicationProcess.TITLE,
            ApplicationProcess.SUMMARY, ApplicationProcess.DESCRIPTION, ApplicationProcess.EDUCATORS_REACHED,
            ApplicationProcess.OUTCOMES, ApplicationProcess.PARTNERS, ApplicationProcess.CONSENT);
    static final int KEPT_LENGTH = 40_000;

    record Feedback(String judgeCode, String text) {
    }

    /** An application as its applicant sees it in the portal. */
    record Followed(StoredApplication application, AwardCall call, ApplicantStatus status, List<Feedback> feedback,
            Optional<OpenQuestion> question, boolean changeable, List<Version> versions) {

        /** Whether the applicant may still withdraw it: until the chair decides. */
        public boolean withdrawable() {
            return ApplicationStatus.WITHDRAWABLE.contains(application.status());
        }
    }

    record Overview(List<Followed> applications, List<DraftView> drafts, List<DraftView> shared, List<AwardCall> openCalls) {
    }

    /** A draft as the signed-in address sees it: its owner with their colleagues, or a colleague helping its owner. */
    record DraftView(Draft draft, AwardCall call, boolean owner, List<Member> members) {

        public boolean open() {
            return call.status() == CallStatus.OPEN;
        }
    }

    /** How long an invitation to help with a draft may be taken up. */
    static final Duration INVITATION_LIFETIME = Duration.ofDays(14);
    static final int MAX_COLLEAGUES = 10;
    static final String TEAM = "team";

    private final DraftRepository drafts;
    private final CallRepository calls;
    private final ApplicationRepository applications;
    private final ReviewRepository reviews;
    private final SubmissionService submissions;
    private final WithdrawalService withdrawals;
    private final ClarificationService clarifications;
    private final Invitations invitations;
    private final ChangeService changes;
    private final Documents documents;
    private final Clock clock;

    PortalService(DraftRepository drafts, CallRepository calls, ApplicationRepository applications, ReviewRepository reviews,
            SubmissionService submissions, WithdrawalService withdrawals, ClarificationService clarifications, Invitations invitations,
            ChangeService changes, Documents documents, ObjectProvider<Clock> clock) {
        this.documents = documents;
        this.changes = changes;
        this.invitations = invitations;
        this.withdrawals = withdrawals;
        this.clarifications = clarifications;
        this.drafts = drafts;
        this.calls = calls;
        this.applications = applications;
        this.reviews = reviews;
        this.submissions = submissions;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    Overview overview(String email) {
        List<Followed> followed = applications.byContactEmail(email).stream().map(this::followed).toList();
        List<DraftView> open = drafts.byOwner(email).stream().filter(d -> !d.submitted())
                .map(d -> new DraftView(d, calls.get(d.callId()), true, List.of())).toList();
        List<DraftView> shared = drafts.sharedWith(email, now()).stream().filter(d -> !d.submitted())
                .map(d -> new DraftView(d, calls.get(d.callId()), false, List.of())).toList();
        List<AwardCall> openCalls = calls.summaries().stream().filter(s -> CallStatus.OPEN.name().equals(s.status()))
                .map(s -> calls.get(s.id())).filter(c -> c.submissionDeadline().isAfter(now())).toList();
        return new Overview(followed, open, shared, openCalls);
    }

    /** Starts a draft for an open call, with the applicant's address as its contact e-mail. */
    @Transactional
    long start(String email, long callId) {
        AwardCall call = calls.find(callId).orElseThrow(() -> new NotFoundException("There is no such call"));
        if (call.status() != CallStatus.OPEN || now().isAfter(call.submissionDeadline())) {
            throw new ValidationException(List.of(new FieldError(ApplicationProcess.CALL_ID,
                    "is closed: '" + call.name() + "' no longer takes applications", "startClosed", List.of())));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ApplicationProcess.ORGANISATION_TYPE, "");
        return drafts.insert(callId, email, fields, now());
    }

    /** The draft if this address owns it or helps with it; a colleague's first look takes up their invitation. */
    DraftView draft(String email, long id) {
        Optional<Draft> owned = drafts.find(id, email);
        if (owned.isPresent()) {
            return new DraftView(owned.get(), calls.get(owned.get().callId()), true, drafts.members(id));
        }
        Draft shared = drafts.findShared(id, email, now()).orElseThrow(() -> new NotFoundException("There is no such draft"));
        drafts.join(id, email, now());
        return new DraftView(shared, calls.get(shared.callId()), false, List.of());
    }

    /** Keeps what the applicant or a colleague typed; false when the draft was sent meanwhile (in another window). */
    boolean save(String email, long id, Map<String, String> form) {
        draft(email, id);
        return drafts.save(id, kept(form), now());
    }

    /** The owner invites a colleague to help write the draft: they may edit it, not send it. */
    @Transactional
    void invite(String email, long id, String colleague) {
        DraftView view = owned(email, id);
        String address = SignInLinks.normalise(colleague);
        List<FieldError> errors = new ArrayList<>();
        if (address == null) {
            errors.add(new FieldError(TEAM, "needs the colleague's e-mail address, for example name@university.edu", "teamAddress",
                    List.of()));
        } else if (address.equals(email)) {
            errors.add(new FieldError(TEAM, "cannot include you twice: you started this application", "teamSelf", List.of()));
        } else if (view.members().size() >= MAX_COLLEAGUES
                && view.members().stream().noneMatch(m -> m.email().equals(address))) {
            errors.add(new FieldError(TEAM, "has " + MAX_COLLEAGUES + " colleagues already; remove one to invite another", "teamFull",
                    List.of(MAX_COLLEAGUES)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        OffsetDateTime expires = now().plus(INVITATION_LIFETIME);
        drafts.invite(id, address, now(), expires);
        invitations.send(email, address, view.call(), expires);
    }

    /** The owner removes a colleague, who no longer reaches the draft. */
    void removeColleague(String email, long id, long memberId) {
        owned(email, id);
        drafts.remove(id, memberId, now());
    }

    private DraftView owned(String email, long id) {
        DraftView view = draft(email, id);
        if (!view.owner()) {
            throw new ValidationException(List.of(new FieldError(TEAM, "is managed by " + view.draft().ownerEmail()
                    + ", who started this application", "teamOwner", List.of(view.draft().ownerEmail()))));
        }
        return view;
    }

    /**
     * Submits the draft as it was last saved. Refused with the fields' problems, the draft kept as it is; a draft
     * submitted twice (a second click, another window) returns the first reference.
     */
    @Transactional
    String submit(String email, long id) {
        DraftView view = draft(email, id);
        if (!view.owner()) {
            throw new ValidationException(List.of(new FieldError(TEAM, "members help write the application; only "
                    + view.draft().ownerEmail() + ", who started it, can send it", "teamSend", List.of(view.draft().ownerEmail()))));
        }
        Draft draft = view.draft();
        if (draft.submitted()) {
            return draft.applicationCode();
        }
        Map<String, String> f = draft.fields();
        Integer educators;
        try {
            educators = ApplicantFields.wholeNumber(f.get(ApplicationProcess.EDUCATORS_REACHED));
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(ApplicantFields.notAWholeNumber()));
        }
        ApplicationForm form = new ApplicationForm(f.get(ApplicationProcess.ORGANISATION_NAME), f.get(ApplicationProcess.ORGANISATION_TYPE),
                f.get(ApplicationProcess.COUNTRY), f.get(ApplicationProcess.CATEGORY_CODE), f.get(ApplicationProcess.CONTACT_NAME), email,
                f.get(ApplicationProcess.TITLE), f.get(ApplicationProcess.SUMMARY), f.get(ApplicationProcess.DESCRIPTION), educators,
                f.get(ApplicationProcess.OUTCOMES), f.get(ApplicationProcess.PARTNERS), "on".equals(f.get(ApplicationProcess.CONSENT)),
                null, null);
        // The documents the call needs are reported with the fields' problems, all at once.
        List<FieldError> missing = documents.missing(draft.callId(), documents.ofDraft(draft.callId(), id).stream()
                .map(Checked::document).toList());
        Submission submission;
        try {
            submission = submissions.submit(draft.callId(), form, true, stored -> {
                if (!missing.isEmpty()) {
                    throw new ValidationException(List.of());
                }
                documents.attach(id, stored.id());
                return documents.startVariables(draft.callId(), stored.id());
            });
        } catch (ValidationException e) {
            List<FieldError> errors = new ArrayList<>(e.errors());
            errors.addAll(missing);
            throw new ValidationException(errors);
        }
        drafts.markSubmitted(id, email, submission.code(), now());
        return submission.code();
    }

    /** The documents the call asks for, and those the draft holds with what their check found. */
    record DraftDocuments(List<DocumentSlot> slots, List<Checked> held) {

        public List<Checked> in(String slot) {
            return held.stream().filter(c -> c.slot().code().equals(slot)).toList();
        }
    }

    DraftDocuments documents(String email, long id) {
        DraftView view = draft(email, id);
        return new DraftDocuments(documents.slots(view.draft().callId()), documents.ofDraft(view.draft().callId(), id));
    }

    /** Checks and keeps a file for the draft, searched for the names the draft gives as it was last saved. */
    @Transactional
    Checked upload(String email, long id, String slot, String fileName, byte[] bytes) {
        DraftView view = editable(email, id);
        return documents.uploadToDraft(view.draft().callId(), id, new Documents.Upload(slot, fileName, bytes), email, identity(view));
    }

    @Transactional
    Checked link(String email, long id, String slot, String address) {
        DraftView view = editable(email, id);
        return documents.linkInDraft(view.draft().callId(), id, slot, address, email, identity(view));
    }

    @Transactional
    void removeDocument(String email, long id, long documentId) {
        editable(email, id);
        documents.removeFromDraft(id, documentId, email);
    }

    private DraftView editable(String email, long id) {
        DraftView view = draft(email, id);
        if (view.draft().submitted()) {
            throw new ValidationException(List.of(new FieldError("document", "cannot be changed: the application has been sent",
                    "documentSent", List.of())));
        }
        return view;
    }

    private static IdentityRules.Applicant identity(DraftView view) {
        Map<String, String> f = view.draft().fields();
        return new IdentityRules.Applicant(f.get(ApplicationProcess.ORGANISATION_NAME), f.get(ApplicationProcess.CONTACT_NAME),
                view.draft().ownerEmail(), f.get(ApplicationProcess.PARTNERS), Map.of());
    }

    /** Replaces a document of the applicant's application while the award office's question about it is open. */
    @Transactional
    Checked replaceDocument(String email, String code, long documentId, String fileName, byte[] bytes) {
        Followed followed = application(email, code).orElseThrow(() -> new NotFoundException("There is no application " + code + " of yours"));
        StoredApplication a = followed.application();
        if (followed.question().isEmpty()) {
            throw new ValidationException(List.of(new FieldError("document", "can be replaced only while the award office's question "
                    + "is open; ask the award office if a document must change", "documentNoQuestion", List.of())));
        }
        return documents.replace(a.callId(), a.id(), documentId, new Documents.Upload(null, fileName, bytes), email,
                new IdentityRules.Applicant(a.organisationName(), a.contactName(), a.contactEmail(), a.partners(), Map.of()));
    }

    /** The documents of a sent application, as its applicant sees them. */
    List<Checked> documentsOf(StoredApplication application) {
        return documents.ofApplication(application.callId(), application.id());
    }

    /** Withdraws the applicant's application, with their reason; refused once the chair has decided. */
    void withdraw(String email, String code, String reason) {
        Followed followed = application(email, code).orElseThrow(() -> new NotFoundException("There is no application " + code + " of yours"));
        withdrawals.withdraw(followed.application().id(), reason);
    }

    /** Changes the applicant's sent application before the deadline; false when nothing changed. */
    boolean change(String email, String code, String title, String summary, String description) {
        Followed followed = application(email, code).orElseThrow(() -> new NotFoundException("There is no application " + code + " of yours"));
        return changes.change(followed.application().id(), title, summary, description);
    }

    /** Answers the coordinator's open question about the applicant's application, with changed texts if any. */
    void answer(String email, String code, String answer, String summary, String description) {
        Followed followed = application(email, code).orElseThrow(() -> new NotFoundException("There is no application " + code + " of yours"));
        clarifications.answer(followed.application().id(), answer, summary, description);
    }

    /** The application with this reference if its contact e-mail is this address. */
    Optional<Followed> application(String email, String code) {
        return applications.byContactEmail(email).stream().filter(a -> a.code().equals(code)).findFirst().map(this::followed);
    }

    private Followed followed(StoredApplication application) {
        AwardCall call = calls.get(application.callId());
        Optional<OpenQuestion> question = clarifications.open(application.id());
        ApplicantStatus status = question.map(q -> ApplicantStatus.asked(q.due()))
                .orElseGet(() -> ApplicantStatus.of(application, call, clock.instant()));
        List<Feedback> feedback = status.decided() && status.step() == ApplicantStatus.STEPS
                ? reviews.byApplication(application.id()).stream()
                        .filter(r -> r.feedback() != null && !r.feedback().isBlank())
                        .map(r -> new Feedback(r.judgeCode(), r.feedback())).toList()
                : List.of();
        return new Followed(application, call, status, feedback, question, question.isEmpty() && changes.changeable(application),
                applications.versions(application.id()));
    }

    private static Map<String, String> kept(Map<String, String> form) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String field : FIELDS) {
            // The whole form is always sent: a field it lacks is empty, as an unticked box is.
            String value = form.getOrDefault(field, "");
            kept.put(field, value.length() > KEPT_LENGTH ? value.substring(0, KEPT_LENGTH) : value);
        }
        return kept;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
