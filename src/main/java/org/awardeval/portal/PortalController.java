package org.awardeval.portal;

import java.io.IOException;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallTextsInLanguage;
import org.awardeval.call.OrganisationType;
import org.awardeval.certificate.CertificateFiles;
import org.awardeval.clarification.ClarificationService;
import org.awardeval.library.Library;
import org.awardeval.portal.PortalService.DraftView;
import org.awardeval.submission.ApplicantFields;
import org.awardeval.web.ApiErrors;
import org.awardeval.web.Messages;
import org.awardeval.web.NotFoundException;
import org.awardeval.web.ValidationException.FieldError;
import org.awardeval.web.ValidationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/** The applicants' pages. Who acts is the signed-in address; what they act on is looked up as theirs or not found. */
@Controller
class PortalController {

    private final PortalService portal;
    private final CallTextsInLanguage callTexts;
    private final SignInLinks links;
    private final Messages messages;
    private final Library library;
    private final CertificateFiles certificatePdfs;

    PortalController(PortalService portal, CallTextsInLanguage callTexts, SignInLinks links, Messages messages, Library library,
            CertificateFiles certificatePdfs) {
        this.portal = portal;
        this.certificatePdfs = certificatePdfs;
        this.library = library;
        this.messages = messages;
        this.callTexts = callTexts;
        this.links = links;
    }

    @GetMapping(PortalSecurity.SIGN_IN)
    String signIn(@RequestParam Map<String, String> params, Model model) {
        if (params.containsKey("expired")) {
            model.addAttribute("problem", messages.get("signIn.expired"));
        }
        model.addAttribute("signedOut", params.containsKey("signedOut"));
        model.addAttribute("minutes", links.lifetime().toMinutes());
        return "portal/sign-in";
    }

    /** Reached only when the request for a link was refused (a valid one is answered before the controllers). */
    @PostMapping(PortalSecurity.LINK)
    String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        SignInLinks.Refusal refusal = (SignInLinks.Refusal) request.getAttribute(SignInLinks.REFUSAL);
        response.setStatus(refusal != null && refusal.tooMany() ? 429 : 400);
        model.addAttribute("problem", messages.get("signIn.refused." + (refusal == null ? "noAddress" : refusal.code()),
                refusal == null ? 0 : refusal.minutes()));
        model.addAttribute("email", request.getParameter(SignInLinks.EMAIL));
        model.addAttribute("minutes", links.lifetime().toMinutes());
        return "portal/sign-in";
    }

    @GetMapping(PortalSecurity.SIGN_IN + "/sent")
    String sent(Model model) {
        model.addAttribute("minutes", links.lifetime().toMinutes());
        return "portal/sign-in-sent";
    }

    /** The link opens a page with a button: a mail scanner that follows links does not use the applicant's link up. */
    @GetMapping(PortalSecurity.CONFIRM)
    String confirm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        return "portal/sign-in-confirm";
    }

    @GetMapping(PortalSecurity.HOME)
    String home(Principal applicant, Model model) {
        model.addAttribute("email", applicant.getName());
        model.addAttribute("overview", portal.overview(applicant.getName()));
        return "portal/home";
    }

    @PostMapping(PortalSecurity.HOME + "/calls/{callId}/drafts")
    String start(@PathVariable long callId, Principal applicant) {
        return "redirect:" + PortalSecurity.HOME + "/drafts/" + portal.start(applicant.getName(), callId);
    }

    @GetMapping(PortalSecurity.HOME + "/drafts/{id}")
    String draft(@PathVariable long id, @RequestParam(required = false) String saved, @RequestParam(required = false) String invited,
            @RequestParam(required = false) String uploaded, @RequestParam(name = PortalSecurity.TooLargeUploads.TOO_LARGE,
                    required = false) String tooLarge, Principal applicant, Model model) {
        DraftView view = portal.draft(applicant.getName(), id);
        if (view.draft().submitted() && view.owner()) {
            return "redirect:" + PortalSecurity.HOME + "/applications/" + view.draft().applicationCode();
        }
        if (view.draft().submitted()) {
            model.addAttribute("message", messages.get("draft.sentByOwner", view.draft().ownerEmail(), view.draft().applicationCode()));
            return "portal/problem";
        }
        prepare(view, applicant.getName(), view.draft().fields(), tooLarge == null ? Map.of()
                : Map.of(tooLarge, messages.get("error.doc.uploadLimit", ApiErrors.UPLOAD_LIMIT)), model);
        model.addAttribute("saved", saved != null);
        model.addAttribute("invited", invited != null);
        model.addAttribute("uploaded", uploaded);
        return "portal/draft";
    }

    @PostMapping(PortalSecurity.HOME + "/drafts/{id}")
    String saveOrSubmit(@PathVariable long id, @RequestParam Map<String, String> form, Principal applicant, Model model) {
        String email = applicant.getName();
        if (!portal.save(email, id, form)) {
            return "redirect:" + PortalSecurity.HOME + "/drafts/" + id;
        }
        if (!"submit".equals(form.get("action"))) {
            return "redirect:" + PortalSecurity.HOME + "/drafts/" + id + "?saved";
        }
        try {
            String code = portal.submit(email, id);
            return "redirect:" + PortalSecurity.HOME + "/applications/" + code + "?submitted";
        } catch (ValidationException e) {
            DraftView view = portal.draft(email, id);
            prepare(view, email, view.draft().fields(), ApplicantFields.inFormOrder(messages.errors(e)), model);
            model.addAttribute("saved", true);
            return "portal/draft";
        }
    }

    @PostMapping(PortalSecurity.HOME + "/drafts/{id}/team")
    String invite(@PathVariable long id, @RequestParam(required = false) String colleague, Principal applicant, Model model) {
        try {
            portal.invite(applicant.getName(), id, colleague);
            return "redirect:" + PortalSecurity.HOME + "/drafts/" + id + "?invited";
        } catch (ValidationException e) {
            DraftView view = portal.draft(applicant.getName(), id);
            prepare(view, applicant.getName(), view.draft().fields(), ApplicantFields.inFormOrder(messages.errors(e)), model);
            model.addAttribute("colleague", colleague);
            return "portal/draft";
        }
    }

    @PostMapping(PortalSecurity.HOME + "/drafts/{id}/team/{memberId}/remove")
    String removeColleague(@PathVariable long id, @PathVariable long memberId, Principal applicant) {
        portal.removeColleague(applicant.getName(), id, memberId);
        return "redirect:" + PortalSecurity.HOME + "/drafts/" + id;
    }

    /** A file for one of the call's documents; refused with the slot's name and the reason, nothing kept. */
    @PostMapping(path = PortalSecurity.HOME + "/drafts/{id}/documents/{slot}", consumes = "multipart/form-data")
    String upload(@PathVariable long id, @PathVariable String slot, @RequestParam(name = "file", required = false) MultipartFile file,
            Principal applicant, Model model, HttpServletResponse response) {
        try {
            if (file == null || file.isEmpty()) {
                throw new ValidationException(List.of(new FieldError(slot, "Choose a file first", "doc.chooseFile", List.of())));
            }
            portal.upload(applicant.getName(), id, slot, file.getOriginalFilename(), file.getBytes());
            return "redirect:" + PortalSecurity.HOME + "/drafts/" + id + "?uploaded=" + slot + "#documents";
        } catch (IOException e) {
            return refusedOnDraft(id, new ValidationException(List.of(new FieldError(slot, "The file did not arrive completely; "
                    + "upload it again", "doc.incomplete", List.of()))), applicant, model, response);
        } catch (ValidationException e) {
            return refusedOnDraft(id, e, applicant, model, response);
        }
    }

    /** A link (a video) for one of the call's documents. */
    @PostMapping(PortalSecurity.HOME + "/drafts/{id}/documents/{slot}/link")
    String link(@PathVariable long id, @PathVariable String slot, @RequestParam(required = false) String address, Principal applicant,
            Model model, HttpServletResponse response) {
        try {
            portal.link(applicant.getName(), id, slot, address);
            return "redirect:" + PortalSecurity.HOME + "/drafts/" + id + "?uploaded=" + slot + "#documents";
        } catch (ValidationException e) {
            model.addAttribute("address", address);
            return refusedOnDraft(id, e, applicant, model, response);
        }
    }

    @PostMapping(PortalSecurity.HOME + "/drafts/{id}/documents/remove/{documentId}")
    String removeDocument(@PathVariable long id, @PathVariable long documentId, Principal applicant) {
        portal.removeDocument(applicant.getName(), id, documentId);
        return "redirect:" + PortalSecurity.HOME + "/drafts/" + id + "#documents";
    }

    private String refusedOnDraft(long id, ValidationException e, Principal applicant, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        DraftView view = portal.draft(applicant.getName(), id);
        prepare(view, applicant.getName(), view.draft().fields(), ApplicantFields.inFormOrder(messages.errors(e)), model);
        return "portal/draft";
    }

    /** Saves as the applicant types (portal.js); answers when it was kept. */
    @PostMapping(PortalSecurity.HOME + "/drafts/{id}/autosave")
    @ResponseBody
    ResponseEntity<Map<String, Object>> autosave(@PathVariable long id, @RequestParam Map<String, String> form, Principal applicant) {
        boolean saved = portal.save(applicant.getName(), id, form);
        return saved ? ResponseEntity.ok(Map.of("saved", true))
                : ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("saved", false, "message", messages.get("draft.sentElsewhere")));
    }

    @GetMapping(PortalSecurity.HOME + "/applications/{code}")
    String application(@PathVariable String code, @RequestParam(required = false) String submitted,
            @RequestParam(required = false) String withdrawn, @RequestParam(required = false) String answered,
            @RequestParam(required = false) String changed, @RequestParam(required = false) String replaced,
            @RequestParam(name = PortalSecurity.TooLargeUploads.TOO_LARGE, required = false) String tooLarge,
            @RequestParam(name = "library", required = false) String librarySaved, Principal applicant, Model model) {
        PortalService.Followed followed = portal.application(applicant.getName(), code)
                .orElseThrow(() -> new NotFoundException("There is no application " + code + " of yours"));
        callTexts.showOn(followed.call(), model);
        model.addAttribute("followed", followed);
        model.addAttribute("documents", portal.documentsOf(followed.application()));
        model.addAttribute("submitted", submitted != null);
        model.addAttribute("withdrawn", withdrawn != null);
        model.addAttribute("answered", answered != null);
        model.addAttribute("changed", changed != null);
        model.addAttribute("replaced", replaced != null);
        model.addAttribute("email", applicant.getName());
        model.addAttribute("errors", tooLarge == null ? Map.of() : Map.of("document", messages.get("error.doc.uploadLimit",
                ApiErrors.UPLOAD_LIMIT)));
        // An answer may change the texts: the form starts from them as they are.
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("summary", followed.application().summary() == null ? "" : followed.application().summary());
        texts.put("description", followed.application().description() == null ? "" : followed.application().description());
        texts.put("title", followed.application().title());
        model.addAttribute("fields", texts);
        model.addAttribute("steps", ApplicantStatus.STEPS);
        model.addAttribute("libraryAsked", library.asks(followed.application()));
        Library.Answer answer = library.answerOf(followed.application()).orElse(null);
        model.addAttribute("libraryAnswer", answer);
        model.addAttribute("librarySaved", librarySaved != null);
        texts.put(Library.PUBLIC_SUMMARY, answer != null && answer.summary() != null ? answer.summary() : texts.get("summary"));
        return "portal/application";
    }

    @PostMapping(PortalSecurity.HOME + "/applications/{code}/change")
    String change(@PathVariable String code, @RequestParam Map<String, String> form, Principal applicant, Model model,
            HttpServletResponse response) {
        try {
            boolean changed = portal.change(applicant.getName(), code, form.get("title"), form.get("summary"), form.get("description"));
            return "redirect:" + PortalSecurity.HOME + "/applications/" + code + (changed ? "?changed" : "");
        } catch (ValidationException e) {
            return refusedOnPage(code, e, form, applicant, model, response);
        }
    }

    @PostMapping(PortalSecurity.HOME + "/applications/{code}/answer")
    String answer(@PathVariable String code, @RequestParam Map<String, String> form, Principal applicant, Model model,
            HttpServletResponse response) {
        try {
            portal.answer(applicant.getName(), code, form.get(ClarificationService.ANSWER), form.get("summary"), form.get("description"));
            return "redirect:" + PortalSecurity.HOME + "/applications/" + code + "?answered";
        } catch (ValidationException e) {
            return refusedOnPage(code, e, form, applicant, model, response);
        }
    }

    /** The recipient's certificate: issued on first download, once the application is selected and the results public. */
    @GetMapping(PortalSecurity.HOME + "/applications/{code}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String code, Principal applicant) {
        PortalService.Followed followed = portal.application(applicant.getName(), code)
                .orElseThrow(() -> new NotFoundException("There is no application " + code + " of yours"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("certificate-" + code + ".pdf").build()
                        .toString())
                .body(certificatePdfs.recipient(followed.application()));
    }

    /** The selected applicant's answer about publishing the case in the library, with the summary they approve. */
    @PostMapping(PortalSecurity.HOME + "/applications/{code}/library")
    String library(@PathVariable String code, @RequestParam Map<String, String> form, Principal applicant, Model model,
            HttpServletResponse response) {
        PortalService.Followed followed = portal.application(applicant.getName(), code)
                .orElseThrow(() -> new NotFoundException("There is no application " + code + " of yours"));
        try {
            library.answer(followed.application(), "on".equals(form.get("publish")), form.get(Library.PUBLIC_SUMMARY));
            return "redirect:" + PortalSecurity.HOME + "/applications/" + code + "?library#library";
        } catch (ValidationException e) {
            return refusedOnPage(code, e, Map.of(Library.PUBLIC_SUMMARY, form.getOrDefault(Library.PUBLIC_SUMMARY, "")), applicant,
                    model, response);
        }
    }

    /** An anonymised version of a document, while the award office's question is open. */
    @PostMapping(path = PortalSecurity.HOME + "/applications/{code}/documents/{documentId}/replace", consumes = "multipart/form-data")
    String replaceDocument(@PathVariable String code, @PathVariable long documentId,
            @RequestParam(name = "file", required = false) MultipartFile file, Principal applicant, Model model,
            HttpServletResponse response) {
        try {
            if (file == null || file.isEmpty()) {
                throw new ValidationException(List.of(new FieldError("document", "needs a file: choose one first", "doc.chooseFile",
                        List.of())));
            }
            portal.replaceDocument(applicant.getName(), code, documentId, file.getOriginalFilename(), file.getBytes());
            return "redirect:" + PortalSecurity.HOME + "/applications/" + code + "?replaced#documents";
        } catch (IOException e) {
            return refusedOnPage(code, new ValidationException(List.of(new FieldError("document", "did not arrive completely; "
                    + "upload it again", "doc.incomplete", List.of()))), Map.of(), applicant, model, response);
        } catch (ValidationException e) {
            return refusedOnPage(code, e, Map.of(), applicant, model, response);
        }
    }

    @PostMapping(PortalSecurity.HOME + "/applications/{code}/withdraw")
    String withdraw(@PathVariable String code, @RequestParam(required = false) String withdrawalReason, Principal applicant,
            Model model, HttpServletResponse response) {
        try {
            portal.withdraw(applicant.getName(), code, withdrawalReason);
            return "redirect:" + PortalSecurity.HOME + "/applications/" + code + "?withdrawn";
        } catch (ValidationException e) {
            return refusedOnPage(code, e, Map.of("withdrawalReason", withdrawalReason == null ? "" : withdrawalReason), applicant, model,
                    response);
        }
    }

    /** The application's page again, with what was refused next to the fields and what was typed kept. */
    private String refusedOnPage(String code, ValidationException e, Map<String, String> typed, Principal applicant, Model model,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        application(code, null, null, null, null, null, null, null, applicant, model);
        model.addAttribute("errors", ApplicantFields.inFormOrder(messages.errors(e)));
        model.addAttribute("fields", typed);
        return "portal/application";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }

    /** The application's process was busy with a step of its own at that instant (two transactions met): nothing changed. */
    @ExceptionHandler(OptimisticLockingException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String busy(Model model) {
        model.addAttribute("message", messages.get("problem.busy"));
        return "portal/problem";
    }

    @ExceptionHandler(ValidationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refusedAction(ValidationException e, Model model) {
        model.addAttribute("message", e.errors().isEmpty() ? messages.get("problem.title")
                : String.join(" ", ApplicantFields.inFormOrder(messages.errors(e)).values()));
        return "portal/problem";
    }

    private void prepare(DraftView view, String email, Map<String, String> fields, Map<String, String> errors, Model model) {
        AwardCall call = view.call();
        callTexts.showOn(call, model);
        model.addAttribute("draft", view.draft());
        model.addAttribute("view", view);
        model.addAttribute("now", OffsetDateTime.now());
        model.addAttribute("call", call);
        model.addAttribute("email", email);
        model.addAttribute("organisationTypes", Arrays.stream(OrganisationType.values())
                .filter(type -> call.allowedOrganisationTypes().contains(type.name())).toList());
        model.addAttribute("fields", fields);
        model.addAttribute("errors", errors);
        model.addAttribute("docs", portal.documents(email, view.draft().id()));
    }
}
