package org.awardeval.certificate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awardeval.assignment.AssignmentRepository;
import org.awardeval.assignment.Judge;
import org.awardeval.assignment.JudgeRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.certificate.Certificate.Kind;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.web.FieldChecks;
import org.awardeval.web.Languages;
import org.awardeval.web.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Issues, verifies and revokes certificates. A certificate's address carries its id and an HMAC of it under the award's
 * key, so that only the award can make one that verifies; revoking it is kept with it.
 */
@Service
public class Certificates {

    /** What a verification page says of an address. */
    public record Verification(Certificate certificate, AwardCall call) {
    }

    private final CertificateRepository repository;
    private final CallRepository calls;
    private final JudgeRepository judges;
    private final AssignmentRepository assignments;
    private final Clock clock;

    Certificates(CertificateRepository repository, CallRepository calls, JudgeRepository judges, AssignmentRepository assignments,
            ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.calls = calls;
        this.judges = judges;
        this.assignments = assignments;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** The recipient's certificate, issued on first request: only for a selected application once the results are public. */
    public Certificate forRecipient(StoredApplication application) {
        AwardCall call = calls.get(application.callId());
        if (application.status() != ApplicationStatus.AWARDED || !call.resultsPublic(clock.instant())) {
            throw new NotFoundException("There is no certificate for " + application.code());
        }
        String category = calls.texts(call.id(), application.language()).category(application.categoryCode()).text();
        return repository.issue(Kind.RECIPIENT, call.id(), application.id(), null, application.organisationName(), category,
                application.language(), OffsetDateTime.now(clock));
    }

    /** A judge's certificate of service for a call: how many reviews they completed, never which. */
    Certificate forJudge(long callId, String userId) {
        AwardCall call = calls.get(callId);
        Judge judge = judges.byUserId(userId).orElseThrow(() -> new NotFoundException("There is no judge " + userId));
        long done = assignments.progress(callId, OffsetDateTime.now(clock)).stream().filter(p -> p.code().equals(judge.code()))
                .mapToLong(AssignmentRepository.JudgeProgress::done).sum();
        if (done == 0) {
            throw new NotFoundException(judge.name() + " completed no review of " + call.name());
        }
        return repository.issue(Kind.SERVICE, callId, null, userId, judge.name(), String.valueOf(done), Languages.ENGLISH,
                OffsetDateTime.now(clock));
    }

    List<Certificate> ofCall(long callId) {
        return repository.byCall(callId);
    }

    /** Revokes a certificate, with the coordinator's reason; its address then says so. */
    Certificate revoke(long id, String by, String reason) {
        FieldChecks checks = new FieldChecks();
        String why = checks.text("reason", reason, true, 1000);
        checks.throwIfAny();
        Certificate certificate = repository.find(id).orElseThrow(() -> new NotFoundException("There is no certificate " + id));
        repository.revoke(certificate.id(), by, why, OffsetDateTime.now(clock));
        return repository.find(id).orElseThrow();
    }

    /** The path a certificate is verified at: /certificates/{id}-{signature}. */
    public String path(Certificate certificate) {
        return "/certificates/" + certificate.id() + "-" + signature(certificate.id());
    }

    /** The certificate an address names, when its signature is the award's. */
    Optional<Verification> verify(String token) {
        int dash = token == null ? -1 : token.indexOf('-');
        if (dash < 1) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(token.substring(0, dash));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] given = token.substring(dash + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, signature(id).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return repository.find(id).map(c -> new Verification(c, calls.get(c.callId())));
    }

    private String signature(long id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(repository.secret().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            byte[] signed = mac.doFinal(("certificate:" + id).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
