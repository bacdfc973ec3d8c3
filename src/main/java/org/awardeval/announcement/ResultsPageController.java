package org.awardeval.announcement;

import jakarta.servlet.http.HttpServletResponse;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallStatus;
import org.awardeval.call.CallTextsInLanguage;
import org.awardeval.web.Moments;
import org.awardeval.web.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The public results page of a call, in the reader's language among the call's; every text on it is escaped. */
@Controller
class ResultsPageController {

    private final ResultsService results;
    private final CallRepository calls;

    private final CallTextsInLanguage callTexts;

    ResultsPageController(ResultsService results, CallRepository calls, CallTextsInLanguage callTexts) {
        this.callTexts = callTexts;
        this.results = results;
        this.calls = calls;
    }

    @GetMapping("/calls/{callId}/results")
    public String page(@PathVariable long callId, Model model, HttpServletResponse response) {
        AwardCall call = calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
        callTexts.showOn(call, model);
        model.addAttribute("call", call);
        if (call.status() != CallStatus.ANNOUNCED || !results.published(call)) {
            // Not yet: said in the reader's language, with the embargo's end where there is one.
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("publishedOn", call.status() == CallStatus.ANNOUNCED && call.embargoUntil() != null
                    ? Moments.inZone(call.embargoUntil(), call.timeZone(), LocaleContextHolder.getLocale()) : null);
            return "results";
        }
        model.addAttribute("results", results.results(callId));
        return "results";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }
}
