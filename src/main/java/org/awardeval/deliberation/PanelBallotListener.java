package org.awardeval.deliberation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.anonymisation.DossierRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.Quotas;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.process.AwardCycleProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Prepares one panel member's ballot when their vote task is created: the shortlisted applications they may vote
 * for, and the ones they are recused from. Both are variables of the task alone, which no other member can read.
 */
@Component
class PanelBallotListener implements TaskListener {

    private final CallRepository calls;
    private final PanelService panel;
    private final PanelRepository panelRepository;
    private final DossierRepository dossiers;

    PanelBallotListener(CallRepository calls, PanelService panel, PanelRepository panelRepository, DossierRepository dossiers) {
        this.dossiers = dossiers;
        this.panelRepository = panelRepository;
        this.calls = calls;
        this.panel = panel;
    }

    /**
     * What the member chooses from (code, anonymised title, category name and rank), the choices of each category with
     * its quota (the form counts the ones ticked against it), and what they are recused from.
     */
    static Map<String, Object> choices(PanelService.MemberShortlist ballot, Map<String, String> categoryNames, Map<Long, String> titles,
            Quotas quotas) {
        Map<String, Integer> quotaByName = new LinkedHashMap<>();
        categoryNames.forEach((code, name) -> quotaByName.put(name, quotas.winners(code)));
        List<Map<String, String>> options = new ArrayList<>();
        Map<String, List<String>> codesByCategory = new LinkedHashMap<>();
        for (Result r : ballot.votable()) {
            String category = categoryNames.getOrDefault(r.categoryCode(), r.categoryCode());
            options.add(Map.of("label", r.code() + ": " + titles.getOrDefault(r.applicationId(), "") + " (" + category + ", ranked "
                    + r.rankInCategory() + ")", "value", r.code()));
            codesByCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(r.code());
        }
        List<Map<String, Object>> categories = new ArrayList<>();
        codesByCategory.forEach((name, codes) -> categories.add(Map.of("name", name, "quota", quotaByName.getOrDefault(name,
                ballot.call().winnersPerCategory()), "codes", codes)));
        return Map.of(AwardCycleProcess.VOTE_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create(),
                AwardCycleProcess.BALLOT_CATEGORIES, SpinValues.jsonValue(Spin.JSON(categories)).create(),
                AwardCycleProcess.RECUSALS, ballot.recused().isEmpty() ? "none"
                        : String.join(", ", ballot.recused()) + " (a conflict of interest: you do not vote on these)");
    }

    /** The ballot's choices, with the call's category names and the applications' anonymised titles. */
    Map<String, Object> choicesFor(PanelService.MemberShortlist ballot) {
        Map<String, String> names = new LinkedHashMap<>();
        calls.categories(ballot.call().id()).forEach(c -> names.put(c.code(), c.name()));
        Map<Long, String> titles = new HashMap<>();
        ballot.votable().forEach(r -> titles.put(r.applicationId(),
                dossiers.find(r.applicationId()).map(DossierRepository.Dossier::title).orElse("")));
        return choices(ballot, names, titles, calls.quotas(ballot.call().id()));
    }

    @Override
    public void notify(DelegateTask task) {
        AwardCall call = calls.ofCycle(task.getProcessInstanceId());
        PanelService.MemberShortlist ballot = panel.shortlistOf(call.id(), task.getAssignee());
        panelRepository.openBallotTask(task.getExecutionId(), call.id(), task.getAssignee());
        // Typed and local to this member's vote, so that Tasklist submits the choices as a JSON list and no two ballots
        // share a variable.
        task.getExecution().setVariableLocal(AwardCycleProcess.VOTES, SpinValues.jsonValue(Spin.JSON("[]")).create());
        task.getExecution().setVariableLocal(AwardCycleProcess.VOTE_COMMENT, "");
        task.setVariablesLocal(choicesFor(ballot));
        task.setDescription("Vote for up to " + perCategory(ballot.call()) + " application(s) per category of the shortlist of "
                + ballot.call().name() + ".");
    }

    /** "3", or each category's number where they differ: "MC 6, NC 5, SC 6, IU 5". */
    private String perCategory(AwardCall call) {
        Quotas quotas = calls.quotas(call.id());
        List<String> codes = calls.categories(call.id()).stream().map(c -> c.code()).toList();
        if (codes.stream().allMatch(code -> quotas.winners(code) == call.winnersPerCategory())) {
            return String.valueOf(call.winnersPerCategory());
        }
        return String.join(", ", codes.stream().map(code -> code + " " + quotas.winners(code)).toList());
    }
}
