package org.awardeval.call;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.awardeval.web.Localized;
import org.awardeval.web.Moments;

public record AwardCall(long id, String name, String theme, String codePrefix, OffsetDateTime submissionDeadline,
        OffsetDateTime reviewDeadline, int reviewsPerApplication, int winnersPerCategory, int shortlistPerCategory, String chairUserId,
        CallStatus status, String timeZone, Set<String> allowedOrganisationTypes, OffsetDateTime embargoUntil,
        boolean sameCountryConflict, int summaryWords, int descriptionWords, List<String> languages) {

    /** Whether anyone may read the results: the chair's decision is announced and the embargo, if any, is over. */
    public boolean resultsPublic(Instant now) {
        return status == CallStatus.ANNOUNCED && (embargoUntil == null || !now.isBefore(embargoUntil.toInstant()));
    }

    /** The submission deadline as applicants read it: in the call's time zone, with the zone named. */
    public String deadlineText() {
        return inCallTime(submissionDeadline);
    }

    /** A moment as the call's applicants read it: in its time zone, with the zone named and its offset. */
    public String inCallTime(OffsetDateTime moment) {
        return Moments.inZone(moment, timeZone, Locale.ENGLISH);
    }

    /** The submission deadline for a reader of this language, in the call's time zone, with the zone said. */
    public String deadlineText(Locale locale) {
        return Moments.inZone(submissionDeadline, timeZone, locale);
    }

    /** The deadline as a message argument, written in the reader's language. */
    public Localized deadline() {
        return this::deadlineText;
    }

    /** Whether applicants may use this language with this call. */
    public boolean offers(String language) {
        return languages.contains(language);
    }
}
