package org.awardeval.eligibility;

import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Turns the stored application into the plain facts the eligibility rules (eligibility.dmn) decide on. */
@Component
class EligibilityFactsDelegate implements JavaDelegate {

    /** Titles this similar (1 = equal) count as the same case. */
    static final double SAME_TITLE = 0.85;

    private final ApplicationRepository applications;
    private final CallRepository calls;

    EligibilityFactsDelegate(ApplicationRepository applications, CallRepository calls) {
        this.applications = applications;
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StoredApplication application = applications.get(ApplicationProcess.applicationId(execution));
        AwardCall call = calls.get(application.callId());
        execution.setVariable(ApplicationProcess.ON_TIME, !application.submittedAt().isAfter(call.submissionDeadline()));
        execution.setVariable(ApplicationProcess.CATEGORY_KNOWN,
                calls.categories(call.id()).stream().anyMatch(c -> c.code().equals(application.categoryCode())));
        execution.setVariable(ApplicationProcess.REQUIRED_FIELDS_PRESENT,
                !application.summary().isBlank() && !application.description().isBlank());
        execution.setVariable(ApplicationProcess.CONSENT_GIVEN, application.consent());
        execution.setVariable(ApplicationProcess.ORGANISATION_TYPE, application.organisationType());
        execution.setVariable(ApplicationProcess.ORGANISATION_TYPE_ALLOWED,
                call.allowedOrganisationTypes().contains(application.organisationType()));
        Optional<StoredApplication> original = applications.earlierOfSameOrganisation(application.id()).stream()
                .filter(earlier -> earlier.status() != ApplicationStatus.INELIGIBLE)
                .filter(earlier -> similarity(earlier.title(), application.title()) >= SAME_TITLE)
                .findFirst();
        execution.setVariable(ApplicationProcess.DUPLICATE, original.isPresent());
        execution.setVariable(ApplicationProcess.DUPLICATE_OF, original.map(StoredApplication::code).orElse(null));
        original.ifPresent(o -> applications.recordDuplicate(application.id(), o.code()));
    }

    /** 1 for titles equal but for case, spacing and punctuation; less the more edits separate them. */
    static double similarity(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        int longest = Math.max(x.length(), y.length());
        if (longest == 0) {
            return 1;
        }
        return 1 - (double) LevenshteinDistance.getDefaultInstance().apply(x, y) / longest;
    }

    private static String normalise(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]", " ").replaceAll("\\s+", " ").strip();
    }
}
