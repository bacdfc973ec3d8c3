package org.awardeval.dashboard;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awardeval.call.CallRepository;
import org.awardeval.invitation.JudgeInvitations;
import org.awardeval.mail.MailChecks;
import org.awardeval.tasklist.TaskFilters;
import org.awardeval.web.Languages;
import org.awardeval.web.NotFoundException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinators' dashboard: one call's progress with charts, and the way into Tasklist and Cockpit. */
@Controller
class DashboardController {

    static final String TASKLIST = "/camunda/app/tasklist/default/#/";
    static final String COCKPIT = "/camunda/app/cockpit/default/#/";
    private static final List<String> TASKLIST_FILTERS = List.of(TaskFilters.ELIGIBILITY_CHECKS, TaskFilters.REDACTION_CHECKS,
            TaskFilters.OVERDUE_REVIEWS, TaskFilters.ALL_OPEN_REVIEWS);

    private final DashboardService dashboard;
    private final FilterService filterService;
    private final CallRepository calls;
    private final MailChecks mailChecks;

    private final JudgeInvitations invitations;

    DashboardController(DashboardService dashboard, FilterService filterService, CallRepository calls, MailChecks mailChecks,
            JudgeInvitations invitations) {
        this.invitations = invitations;
        this.dashboard = dashboard;
        this.filterService = filterService;
        this.calls = calls;
        this.mailChecks = mailChecks;
    }

    @GetMapping("/dashboard/login")
    public String login() {
        return "dashboard-login";
    }

    @GetMapping("/dashboard")
    public String dashboard(@RequestParam(required = false) Long callId, Model model) {
        List<CallRepository.Summary> calls = dashboard.calls();
        model.addAttribute("calls", calls);
        model.addAttribute("filters", filterLinks());
        model.addAttribute("tasklist", TASKLIST);
        if (calls.isEmpty()) {
            return "dashboard";
        }
        long shown = callId != null ? callId : calls.get(0).id();
        DashboardService.Progress progress = dashboard.progress(shown, OffsetDateTime.now());
        model.addAttribute("progress", progress);
        model.addAttribute("cockpit", cockpitLink(shown));
        // Counted per category only once the call invited judges; until then every registered judge may be assigned.
        model.addAttribute("invitationCounts", invitations.any(shown) ? invitations.counts(shown) : List.of());
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("byStatus", progress.statistics().byStatus());
        charts.put("byCategory", progress.statistics().byCategory());
        charts.put("byCountry", progress.statistics().byCountry());
        charts.put("byOrganisationType", progress.statistics().byOrganisationType());
        charts.put("judges", progress.judges());
        model.addAttribute("charts", charts);
        model.addAttribute("editions", dashboard.editions(progress));
        return "dashboard";
    }

    private Map<String, String> filterLinks() {
        Map<String, String> links = new LinkedHashMap<>();
        for (String name : TASKLIST_FILTERS) {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            if (filter != null) {
                links.put(name, TASKLIST + "?filter=" + filter.getId());
            }
        }
        return links;
    }

    private String cockpitLink(long callId) {
        return calls.processInstanceId(callId).map(instance -> COCKPIT + "process-instance/" + instance + "/runtime")
                .orElse(COCKPIT + "processes");
    }

    @PostMapping("/dashboard/mails/{id}/send-again")
    public String sendAgain(@PathVariable long id, @RequestParam long callId, Principal user, RedirectAttributes redirect) {
        return mailAction(callId, redirect, () -> mailChecks.sendAgain(callId, id, user.getName()));
    }

    @PostMapping("/dashboard/mails/{id}/arrived")
    public String arrived(@PathVariable long id, @RequestParam long callId, Principal user, RedirectAttributes redirect) {
        return mailAction(callId, redirect, () -> mailChecks.markArrived(callId, id, user.getName()));
    }

    private String mailAction(long callId, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("mailNotice", action.get());
        } catch (MailChecks.Refused e) {
            redirect.addFlashAttribute("mailRefused", e.getMessage());
        }
        return "redirect:/dashboard?callId=" + callId + "#mails-heading";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(NotFoundException e, Model model) {
        // The working language's page, whatever the visitor's language.
        Languages.offer(List.of(Languages.ENGLISH));
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }
}
