package org.awardeval.deliberation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.anonymisation.DossierRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.Tally.Counted;
import org.awardeval.process.AwardCycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Counts the ballots cast (all of them, or those in by the voting deadline) and prepares the chair's task: the tally,
 * whether the quorum was reached, and the proposed winners.
 */
@Component
class TallyVotesDelegate implements JavaDelegate {

    private final CallRepository calls;
    private final ResultRepository results;
    private final PanelRepository panel;
    private final DossierRepository dossiers;
    private final PanelService panelService;

    TallyVotesDelegate(CallRepository calls, ResultRepository results, PanelRepository panel, DossierRepository dossiers,
            PanelService panelService) {
        this.panelService = panelService;
        this.calls = calls;
        this.results = results;
        this.panel = panel;
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AwardCall call = calls.ofCycle(execution.getProcessInstanceId());
        List<Counted> tally = panelService.tally(call);
        results.saveVotes(tally);

        int ballots = panel.ballots(call.id()).size();
        int panelSize = panel.ballotTasks(call.id());
        int quorum = Tally.quorum(panelSize);
        boolean quorumReached = ballots >= quorum;

        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> options = new ArrayList<>();
        List<String> proposed = new ArrayList<>();
        for (Counted c : tally) {
            String title = dossiers.find(c.applicationId()).map(DossierRepository.Dossier::title).orElse("");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", c.categoryCode());
            row.put("code", c.code());
            row.put("title", title);
            row.put("votes", c.votes());
            row.put("rank", c.rank());
            row.put("proposed", c.proposed() ? "yes" : "");
            rows.add(row);
            options.add(Map.of("label", c.code() + " (" + c.categoryCode() + ", " + c.votes() + " votes) " + title, "value", c.code()));
            if (c.proposed()) {
                proposed.add(c.code());
            }
        }
        execution.setVariable(AwardCycleProcess.TALLY, SpinValues.jsonValue(Spin.JSON(rows)).create());
        execution.setVariable(AwardCycleProcess.WINNER_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create());
        execution.setVariable(AwardCycleProcess.WINNERS, SpinValues.jsonValue(Spin.JSON(proposed)).create());
        execution.setVariable(AwardCycleProcess.PROPOSED_WINNERS, SpinValues.jsonValue(Spin.JSON(proposed)).create());
        execution.setVariable(AwardCycleProcess.QUORUM_REACHED, quorumReached);
        execution.setVariable(AwardCycleProcess.TALLY_SUMMARY,
                ballots + " of " + panelSize + " panel members voted; the quorum of " + quorum
                + (quorumReached ? " is reached." : " is NOT reached: confirming winners needs a justification."));
    }
}
