package org.awardeval.deliberation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.settings.AwardProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Ranks the reviewed applications and prepares the panel's vote: the shortlist of each category (code, anonymised
 * title, scores, review excerpts by judge code), the panel members, their quorum and the voting deadline. Only the
 * shortlist enters the cycle's variables, which every panel member's task can read.
 */
@Component
class RankApplicationsDelegate implements JavaDelegate {

    private final CallRepository calls;
    private final Shortlists shortlists;
    private final PanelService panel;
    private final AwardProperties properties;

    RankApplicationsDelegate(CallRepository calls, Shortlists shortlists, PanelService panel, AwardProperties properties) {
        this.calls = calls;
        this.shortlists = shortlists;
        this.panel = panel;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AwardCall call = calls.get(AwardCycleProcess.callId(execution));
        List<Map<String, Object>> shortlist = shortlists.rank(call);
        List<String> members = new ArrayList<>(panel.members());
        execution.setVariable(AwardCycleProcess.SHORTLIST, SpinValues.jsonValue(Spin.JSON(shortlist)).create());
        // As JSON, like every collection the processes keep (the engine would pick Java serialization for a plain list).
        execution.setVariable(AwardCycleProcess.PANEL_MEMBERS, Variables.objectValue(members)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable(AwardCycleProcess.PANEL_QUORUM, Tally.quorum(members.size()));
        execution.setVariable(AwardCycleProcess.VOTING_DEADLINE,
                ProcessVariables.date(OffsetDateTime.now().plus(properties.votingPeriod())));
    }
}
