package org.awardeval.engine;

import java.util.ArrayList;
import java.util.List;
import org.awardeval.settings.AwardProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine keeps full history (process, activity, task, variable, decision and operation history, which the audit
 * export reads) but, unless {@code award.history-details} is set, writes neither a row per variable change nor a job
 * log: together they were a third of all inserts of a cycle (docs/BENCHMARKS.md) and nothing reads them. Nor does it
 * keep the variable history of review instances: their variables are copies of the application's anonymised dossier
 * and assignment, which the tables keep. Only what is written changes, so the database's history level stays "full".
 */
@Component
class HistoryWrites extends AbstractProcessEnginePlugin {

    /** The process whose variables have no history (review.bpmn). */
    static final String REVIEW_PROCESS = "Review";

    private final AwardProperties properties;

    HistoryWrites(AwardProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!properties.historyDetails()) {
            // Other plugins (Spring's history events) add handlers of their own to the same list.
            List<HistoryEventHandler> handlers = new ArrayList<>();
            if (configuration.getCustomHistoryEventHandlers() != null) {
                handlers.addAll(configuration.getCustomHistoryEventHandlers());
            }
            handlers.add(new WithoutDetails());
            configuration.setEnableDefaultDbHistoryEventHandler(false);
            configuration.setCustomHistoryEventHandlers(handlers);
        }
    }

    /** Camunda's database history without variable update details, job log entries and review variables. */
    static final class WithoutDetails extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            boolean reviewVariable = event instanceof HistoricVariableUpdateEventEntity variable
                    && REVIEW_PROCESS.equals(variable.getProcessDefinitionKey());
            // Creation, update and deletion of a review variable alike: an update without its row would fail.
            if (!(event instanceof HistoricJobLogEvent) && !reviewVariable) {
                super.handleEvent(event);
            }
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
