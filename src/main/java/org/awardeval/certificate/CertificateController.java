package org.awardeval.certificate;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.call.CallRepository;
import org.awardeval.web.Languages;
import org.awardeval.web.Moments;
import org.awardeval.web.NotFoundException;
import org.awardeval.web.PublicLinks;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The public verification page of a certificate, and the coordinators' list, revocation and judges' certificates. */
@Controller
class CertificateController {

    private final Certificates certificates;
    private final CertificatePdf pdf;
    private final CallRepository calls;
    private final PublicLinks links;

    CertificateController(Certificates certificates, CertificatePdf pdf, CallRepository calls, PublicLinks links) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.calls = calls;
        this.links = links;
    }

    /** What the QR code opens: valid, revoked, or not the award's. */
    @GetMapping("/certificates/{token}")
    String verify(@PathVariable String token, Model model) {
        Certificates.Verification found = certificates.verify(token).orElse(null);
        model.addAttribute("found", found);
        if (found != null) {
            Certificate c = found.certificate();
            model.addAttribute("callName", calls.texts(c.callId(), Languages.code(LocaleContextHolder.getLocale()))
                    .name().text());
            model.addAttribute("issued", Moments.day(c.issuedAt(), found.call().timeZone(), LocaleContextHolder.getLocale()));
            model.addAttribute("revoked", c.revoked() ? Moments.day(c.revokedAt(), found.call().timeZone(),
                    LocaleContextHolder.getLocale()) : null);
        }
        return "certificate";
    }

    @GetMapping("/api/calls/{callId}/certificates")
    @ResponseBody
    List<Map<String, Object>> ofCall(@PathVariable long callId) {
        calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
        return certificates.ofCall(callId).stream().map(this::describe).toList();
    }

    public record Revocation(String reason) {
    }

    @PostMapping("/api/certificates/{id}/revoke")
    @ResponseBody
    Map<String, Object> revoke(@PathVariable long id, @RequestBody(required = false) Revocation revocation, Principal coordinator) {
        return describe(certificates.revoke(id, coordinator.getName(), revocation == null ? null : revocation.reason()));
    }

    /** A judge's certificate of service for a call, issued on first request; it names no application. */
    @GetMapping("/api/calls/{callId}/certificates/judges/{userId}.pdf")
    ResponseEntity<byte[]> judge(@PathVariable long callId, @PathVariable String userId) {
        return attachment(pdf.render(certificates.forJudge(callId, userId)), "certificate-of-service-" + callId + "-" + userId + ".pdf");
    }

    static ResponseEntity<byte[]> attachment(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString()).body(bytes);
    }

    private Map<String, Object> describe(Certificate c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", c.id());
        body.put("kind", c.kind());
        body.put("holder", c.holder());
        body.put("issuedAt", c.issuedAt());
        body.put("verification", links.to(certificates.path(c)));
        body.put("revokedAt", c.revokedAt());
        body.put("revokedReason", c.revokedReason());
        return body;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    @ResponseBody
    Map<String, Object> notFound(NotFoundException e) {
        return Map.of("message", e.getMessage());
    }
}
