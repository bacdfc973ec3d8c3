package org.awardeval.submission;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.web.FieldChecks;
import org.awardeval.web.ValidationException.FieldError;

/** The application's fields as applicants know them, and what an applicant must fill in before submitting. */
public final class ApplicantFields {

    /**
     * The fields in the order the applicants' forms ask them; their labels, in each language, are the applicants'
     * messages "field." + name.
     */
    private static final List<String> FORM_ORDER = List.of(ApplicationProcess.ORGANISATION_NAME, ApplicationProcess.ORGANISATION_TYPE,
            ApplicationProcess.COUNTRY, ApplicationProcess.CONTACT_NAME, ApplicationProcess.CONTACT_EMAIL,
            ApplicationProcess.CATEGORY_CODE, ApplicationProcess.TITLE, ApplicationProcess.SUMMARY, ApplicationProcess.DESCRIPTION,
            ApplicationProcess.EDUCATORS_REACHED, ApplicationProcess.OUTCOMES, ApplicationProcess.PARTNERS, ApplicationProcess.CONSENT);

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
            checks.fail(ApplicationProcess.CONSENT, "is needed: tick the box to agree", "consent");
        }
    }

    public static final String NOT_A_WHOLE_NUMBER = "must be a whole number, for example 1200";

    /** "Educators reached" is no whole number, as an applicant's page says it. */
    public static FieldError notAWholeNumber() {
        return new FieldError(ApplicationProcess.EDUCATORS_REACHED, NOT_A_WHOLE_NUMBER, "wholeNumber", List.of());
    }

    /**
     * A whole number as people type it, with or without thousands separators ("1,200", "1 200", "١٬٢٠٠"), in any script's
     * digits; null when empty.
     *
     * @throws NumberFormatException when it is no whole number
     */
    public static Integer wholeNumber(String text) {
        String clean = text == null ? "" : text.strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
                .replace("\u202f", "").replace("\u066c", "");
        return clean.isEmpty() ? null : Integer.valueOf(clean);
    }

    /** The problems in the order of the fields on the applicants' forms, so that the summary reads top to bottom. */
    public static Map<String, String> inFormOrder(Map<String, String> errors) {
        Map<String, String> sorted = new LinkedHashMap<>();
        errors.keySet().stream().sorted(Comparator.comparingInt(field -> FORM_ORDER.contains(field) ? FORM_ORDER.indexOf(field)
                : FORM_ORDER.size())).forEach(field -> sorted.put(field, errors.get(field)));
        return sorted;
    }
}
