package org.awardeval.submission;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.web.FieldChecks;

/** The application's fields as applicants know them, and what an applicant must fill in before submitting. */
public final class ApplicantFields {

    /** Field name to the label on the applicants' forms, in the forms' order; an error message follows the label. */
    public static final Map<String, String> LABELS = labels();

    private ApplicantFields() {
    }

    /**
     * What the applicants' own forms require beyond the shared validation. The API and the import record an application
     * without them and leave it to the eligibility rules, so that what the award received is counted.
     */
    static void requireComplete(ApplicationForm form, FieldChecks checks) {
        checks.text(ApplicationProcess.SUMMARY, form.summary(), true, Integer.MAX_VALUE);
        checks.text(ApplicationProcess.DESCRIPTION, form.description(), true, Integer.MAX_VALUE);
        if (!Boolean.TRUE.equals(form.consent())) {
            checks.fail(ApplicationProcess.CONSENT, "is needed: tick the box to agree");
        }
    }

    public static final String NOT_A_WHOLE_NUMBER = "must be a whole number, for example 1200";

    /**
     * A whole number as people type it, with or without thousands separators ("1,200", "1 200"); null when empty.
     *
     * @throws NumberFormatException when it is no whole number
     */
    public static Integer wholeNumber(String text) {
        String clean = text == null ? "" : text.strip().replace(",", "").replace(" ", "").replace("\u00a0", "");
        return clean.isEmpty() ? null : Integer.valueOf(clean);
    }

    public static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ApplicationProcess.ORGANISATION_NAME, "Name of the organisation");
        labels.put(ApplicationProcess.ORGANISATION_TYPE, "Type of organisation");
        labels.put(ApplicationProcess.COUNTRY, "Country");
        labels.put(ApplicationProcess.CONTACT_NAME, "Name of the contact person");
        labels.put(ApplicationProcess.CONTACT_EMAIL, "E-mail of the contact person");
        labels.put(ApplicationProcess.CATEGORY_CODE, "Category");
        labels.put(ApplicationProcess.TITLE, "Title");
        labels.put(ApplicationProcess.SUMMARY, "Summary");
        labels.put(ApplicationProcess.DESCRIPTION, "Description");
        labels.put(ApplicationProcess.EDUCATORS_REACHED, "Educators reached");
        labels.put(ApplicationProcess.OUTCOMES, "Outcome figures");
        labels.put(ApplicationProcess.PARTNERS, "Partner organisations");
        labels.put(ApplicationProcess.CONSENT, "Consent");
        labels.put(ApplicationProcess.CALL_ID, "Call");
        labels.put("submittedAt", "Submission time");
        labels.put(WithdrawalService.REASON, "Reason for withdrawing");
        labels.put("withdrawal", "Withdrawal");
        labels.put("answer", "Your answer");
        labels.put("team", "Team");
        labels.put("change", "A change");
        labels.put("document", "The document");
        labels.put("documents", "Documents");
        return Collections.unmodifiableMap(labels);
    }
}
