package org.awardeval.announcement;

import org.awardeval.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The public results page of a call; every text on it is escaped. */
@Controller
class ResultsPageController {

    private final ResultsService results;

    ResultsPageController(ResultsService results) {
        this.results = results;
    }

    @GetMapping("/calls/{callId}/results")
    public String page(@PathVariable long callId, Model model) {
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
