package org.awardeval.call;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.awardeval.web.Languages;
import org.awardeval.web.Moments;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A call's texts in the language of the current request, for pages that list several calls. */
@Component("callTexts")
public class CallTextsInLanguage {

    private final CallRepository calls;

    CallTextsInLanguage(CallRepository calls) {
        this.calls = calls;
    }

    public CallTexts of(AwardCall call) {
        return calls.texts(call.id(), Languages.code(LocaleContextHolder.getLocale()));
    }

    public CallTexts of(long callId) {
        return calls.texts(callId, Languages.code(LocaleContextHolder.getLocale()));
    }

    /** A day in the call's time zone, for a reader of this language. */
    public String day(OffsetDateTime moment, AwardCall call, Locale locale) {
        return Moments.day(moment, call.timeZone(), locale);
    }

    /** A moment in the call's time zone, with the zone said, for a reader of this language. */
    public String moment(OffsetDateTime moment, AwardCall call, Locale locale) {
        return Moments.inZone(moment, call.timeZone(), locale);
    }
}
