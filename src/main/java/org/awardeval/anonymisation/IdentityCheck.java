package org.awardeval.anonymisation;

import java.util.List;
import java.util.Map;
import org.awardeval.documents.IdentityRules;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.springframework.stereotype.Component;

/** The redaction's rules for texts that are checked rather than redacted, such as the text of documents. */
@Component
public class IdentityCheck implements IdentityRules {

    private final ApplicationRepository applications;

    IdentityCheck(ApplicationRepository applications) {
        this.applications = applications;
    }

    @Override
    public Finder of(Applicant applicant) {
        return finder(applicant);
    }

    /** The search for one applicant's identifiers, without the application's stored facts (for benchmarks and tools). */
    public static Finder finder(Applicant applicant) {
        Redactor redactor = DossierRedaction.redactor(applicant.organisation(), applicant.contactName(), applicant.contactEmail(),
                applicant.partners(), applicant.extraFacts() == null ? Map.of() : applicant.extraFacts());
        String key = redactor.fingerprint();
        return new Finder() {
            @Override
            public List<Match> find(String text) {
                return redactor.findings(text).stream().map(f -> new Match(f.kind(), f.words())).toList();
            }

            @Override
            public String key() {
                return key;
            }
        };
    }

    @Override
    public Finder ofApplication(long applicationId) {
        StoredApplication a = applications.get(applicationId);
        return of(new Applicant(a.organisationName(), a.contactName(), a.contactEmail(), a.partners(),
                applications.extraFacts(applicationId)));
    }
}
