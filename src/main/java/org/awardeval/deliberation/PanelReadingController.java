package org.awardeval.deliberation;

import java.security.Principal;
import java.util.List;
import org.awardeval.security.Groups;
import org.awardeval.web.Languages;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The panel's reading view of a call's shortlist, for panel members signed in to Tasklist (and coordinators). */
@Controller
class PanelReadingController {

    private final PanelReading reading;

    PanelReadingController(PanelReading reading) {
        this.reading = reading;
    }

    @GetMapping("/panel/calls/{callId}")
    public String shortlist(@PathVariable long callId, Principal user, Model model) {
        boolean member = user instanceof Authentication auth && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(org.awardeval.security.ApiSecurity.ROLE_PREFIX + Groups.PANEL));
        model.addAttribute("view", reading.view(callId, user.getName(), member));
        return "panel";
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(org.awardeval.web.NotFoundException.class)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    public String notFound(org.awardeval.web.NotFoundException e, Model model) {
        // The working language's page, whatever the visitor's language.
        Languages.offer(List.of(Languages.ENGLISH));
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }
}
