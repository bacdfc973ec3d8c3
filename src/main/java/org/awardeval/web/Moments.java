package org.awardeval.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A moment as a person reads it in their own time zone: "Sunday 31 January 2027, 17:00 (Europe/Paris)". */
public final class Moments {

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private Moments() {
    }

    public static String inWords(OffsetDateTime moment, String timeZone) {
        ZoneId zone = zone(timeZone);
        return WORDS.format(moment.atZoneSameInstant(zone)) + " (" + zone.getId() + ")";
    }

    /** The zone of this name; UTC when it is empty or unknown, so that a date is always shown. */
    public static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
