package org.awardeval.call;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.awardeval.web.Languages;
import org.awardeval.web.Moments;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A call's texts in the language of the current request, for pages that list several calls. */
@Component("callTexts")
public class CallTextsInLanguage {

    private final CallRepository calls;

    CallTextsInLanguage(CallRepository calls) {
        this.calls = calls;
    }

    /**
     * Makes the request a page of this call: its languages are the ones offered (the request's language is then one of
     * them), and the model has its texts in that language ("texts") and the languages to choose from.
     */
    public CallTexts showOn(AwardCall call, Model model) {
        Languages.offer(call.languages());
        CallTexts texts = of(call);
        model.addAttribute("texts", texts);
        model.addAttribute("offeredLanguages", call.languages());
        return texts;
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
