package org.awardeval.call;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

public record AwardCall(long id, String name, String theme, String codePrefix, OffsetDateTime submissionDeadline,
        OffsetDateTime reviewDeadline, int reviewsPerApplication, int winnersPerCategory, int shortlistPerCategory, String chairUserId,
        CallStatus status, String timeZone, Set<String> allowedOrganisationTypes, OffsetDateTime embargoUntil,
        boolean sameCountryConflict, int summaryWords, int descriptionWords) {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

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
        var local = moment.atZoneSameInstant(ZoneId.of(timeZone));
        return READABLE.format(local) + " " + timeZone + " (UTC" + local.getOffset().getId().replace("Z", "+00:00") + ")";
    }
}
