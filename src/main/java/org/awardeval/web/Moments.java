package org.awardeval.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;

/** A moment as a person reads it in their own time zone: "Sunday 31 January 2027, 17:00 (Europe/Paris)". */
public final class Moments {

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private Moments() {
    }

    public static String inWords(OffsetDateTime moment, String timeZone) {
        ZoneId zone = zone(timeZone);
        return WORDS.format(moment.atZoneSameInstant(zone)) + " (" + zone.getId() + ")";
    }

    /**
     * A moment in a zone, for a reader of a language, with the zone said: "15 March 2026, 23:59 Asia/Shanghai (UTC+08:00)",
     * in French "15 mars 2026, 23:59, heure normale de la Chine (UTC+08:00)".
     */
    public static String inZone(OffsetDateTime moment, String timeZone, Locale locale) {
        ZonedDateTime local = moment.atZoneSameInstant(zone(timeZone));
        String offset = "(UTC" + local.getOffset().getId().replace("Z", "+00:00") + ")";
        if (locale == null || Languages.ENGLISH.equals(locale.getLanguage())) {
            return READABLE.format(local) + " " + local.getZone().getId() + " " + offset;
        }
        // The language's own digits and comma, as its messages have them (Arabic-Indic digits and "،" in Arabic).
        DecimalStyle digits = DecimalStyle.of(locale);
        String comma = "ar".equals(locale.getLanguage()) ? "\u060c " : ", ";
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withDecimalStyle(digits).format(local) + comma
                + DateTimeFormatter.ofPattern("HH:mm", locale).withDecimalStyle(digits).format(local) + comma
                + DateTimeFormatter.ofPattern("zzzz", locale).format(local) + " " + offset;
    }

    /** A day for a reader of a language: "3 December 2026", "3 décembre 2026", "2026年12月3日". */
    public static String day(OffsetDateTime moment, String timeZone, Locale locale) {
        Locale reader = locale == null ? Locale.ENGLISH : locale;
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(reader).withDecimalStyle(DecimalStyle.of(reader))
                .format(moment.atZoneSameInstant(zone(timeZone)));
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
