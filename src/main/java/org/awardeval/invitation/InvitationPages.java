package org.awardeval.invitation;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.awardeval.security.ApiSecurity;
import org.awardeval.web.Languages;
import org.awardeval.web.ValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invited judge opens from their e-mail: the call, the load, the declaration; accept (possibly for fewer
 * reviews) or decline. The link itself is the judge's key; the forms carry CSRF tokens.
 */
@Controller
class InvitationPages {

    static final Map<String, String> LABELS = Map.of("declaration", "Declaration", "load", "Number of reviews", "timeZone",
            "Your time zone", "conflicts", "Organisations you work or worked with", "reason", "Reason", "invitation", "This invitation");

    private final JudgeInvitations invitations;

    InvitationPages(JudgeInvitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/judging/invitations/{token}")
    public String show(@PathVariable String token, Model model) {
        return page(token, model, Map.of(), Map.of());
    }

    @PostMapping("/judging/invitations/{token}/accept")
    public String accept(@PathVariable String token, @RequestParam(required = false) String declaration,
            @RequestParam(required = false) String load, @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) String conflicts, Model model) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("load", load);
        fields.put("timeZone", timeZone);
        fields.put("conflicts", conflicts);
        Integer number;
        try {
            number = load == null || load.isBlank() ? null : Integer.valueOf(load.strip());
        } catch (NumberFormatException e) {
            return page(token, model, fields, Map.of("load", "must be a whole number; '" + load + "' is not"));
        }
        try {
            invitations.accept(token, "yes".equals(declaration), number, timeZone, conflicts);
        } catch (ValidationException e) {
            return page(token, model, fields, errors(e));
        }
        return page(token, model, Map.of(), Map.of());
    }

    @PostMapping("/judging/invitations/{token}/decline")
    public String decline(@PathVariable String token, @RequestParam(required = false) String reason, Model model) {
        try {
            invitations.decline(token, reason);
        } catch (ValidationException e) {
            return page(token, model, Map.of("reason", reason == null ? "" : reason), errors(e));
        }
        return page(token, model, Map.of(), Map.of());
    }

    private String page(String token, Model model, Map<String, String> fields, Map<String, String> errors) {
        // Judges work in the call's working language, English.
        Languages.offer(List.of(Languages.ENGLISH));
        JudgeInvitations.Offer offer = invitations.offer(token);
        model.addAttribute("offer", offer);
        model.addAttribute("token", token);
        model.addAttribute("declaration", Declaration.TEXT);
        model.addAttribute("declarationVersion", Declaration.VERSION);
        model.addAttribute("fields", fields);
        model.addAttribute("errors", errors);
        model.addAttribute("labels", LABELS);
        model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
        return "judge-invitation";
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(org.awardeval.web.NotFoundException.class)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    public String notFound(org.awardeval.web.NotFoundException e, Model model) {
        // The working language's page, whatever the visitor's language.
        Languages.offer(List.of(Languages.ENGLISH));
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }

    private static Map<String, String> errors(ValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(error -> errors.putIfAbsent(error.field(), LABELS.containsKey(error.field())
                ? LABELS.get(error.field()) + " " + error.message() : error.message()));
        return errors;
    }

    @Configuration
    static class Security {

        @Bean
        @Order(2)
        SecurityFilterChain judgeInvitationPages(HttpSecurity http) throws Exception {
            return http.securityMatcher("/judging/**")
                    .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                    .headers(ApiSecurity.headers())
                    .build();
        }
    }
}
