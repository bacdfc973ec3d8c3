package org.awardeval.documents;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.awardeval.assignment.AssignmentRepository;
import org.awardeval.documents.Documents.Download;
import org.awardeval.security.ApiSecurity;
import org.awardeval.security.Groups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documents for those who read them: a judge gets the cleaned copy of a released document of an application they
 * review (their assignment is looked up, never a variable), under a name that says nothing of the applicant; the award
 * office gets any document, and the original as uploaded. Everyone else: 403.
 */
@RestController
class DocumentDownloads {

    private final Documents documents;
    private final AssignmentRepository assignments;

    DocumentDownloads(Documents documents, AssignmentRepository assignments) {
        this.documents = documents;
        this.assignments = assignments;
    }

    @GetMapping("/documents/{id}")
    ResponseEntity<byte[]> judgesCopy(@PathVariable long id, Authentication user) {
        Optional<StoredDocument> found = documents.find(id).filter(d -> d.applicationId() != null && d.cleanKey() != null);
        if (found.isEmpty()) {
            return refused(HttpStatus.NOT_FOUND, "There is no such document.");
        }
        StoredDocument document = found.get();
        if (office(user)) {
            return send(documents.judgesCopyForOffice(document, user.getName()));
        }
        Optional<String> code = assignments.reviewedBy(user.getName(), document.applicationId());
        if (code.isEmpty() || document.status() != StoredDocument.Status.RELEASED) {
            return refused(HttpStatus.FORBIDDEN, "This document belongs to an application you do not review.");
        }
        return send(documents.judgesCopy(document, code.get(), user.getName()));
    }

    @GetMapping("/documents/{id}/original")
    ResponseEntity<byte[]> original(@PathVariable long id, Authentication user) {
        if (!office(user)) {
            return refused(HttpStatus.FORBIDDEN, "Only the award office opens documents as the applicant uploaded them.");
        }
        return documents.find(id).filter(d -> d.storageKey() != null).map(d -> send(documents.original(d, user.getName())))
                .orElseGet(() -> refused(HttpStatus.NOT_FOUND, "There is no such document."));
    }

    private static boolean office(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(ApiSecurity.ROLE_PREFIX + Groups.COORDINATORS)
                || a.getAuthority().equals(ApiSecurity.ROLE_PREFIX + Groups.ADMINS));
    }

    private static ResponseEntity<byte[]> send(Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(download.bytes());
    }

    private static ResponseEntity<byte[]> refused(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(message.getBytes(StandardCharsets.UTF_8));
    }
}
