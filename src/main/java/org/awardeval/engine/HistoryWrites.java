package org.awardeval.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.awardeval.settings.AwardProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * The engine keeps full history (process, activity, task, variable, decision and operation history, which the audit
 * export reads) but, unless {@code award.history-details} is set, writes neither a row per variable change nor a job
 * log: together they were a third of all inserts of a cycle (docs/BENCHMARKS.md) and nothing reads them. Nor does it
 * keep the variable history of review instances: their variables are copies of the application's anonymised dossier
 * and assignment, which the tables keep. A history level of the same id and name as Camunda's "full" leaves those events
 * unmade, so the engine spends nothing on them; the database's history level stays "full".
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
            handlers.add(new WithoutReviewVariables());
            configuration.setEnableDefaultDbHistoryEventHandler(false);
            configuration.setCustomHistoryEventHandlers(handlers);
            // The engine takes the last level of the configured name ("full"): this one, after Camunda's own.
            List<HistoryLevel> levels = new ArrayList<>();
            if (configuration.getCustomHistoryLevels() != null) {
                levels.addAll(configuration.getCustomHistoryLevels());
            }
            levels.add(new FullWithoutDetails());
            configuration.setCustomHistoryLevels(levels);
        }
    }

    /**
     * Camunda's "full" history without variable change details, job log entries and review variables. Its id and name are
     * the full level's, which the database records; Camunda asks it before making each event (DbHistoryEventHandler asks
     * it for the details too).
     */
    static final class FullWithoutDetails extends HistoryLevelFull {

        private static final Set<HistoryEventTypes> UNMADE = EnumSet.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
                HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_FAIL, HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE);

        @Override
        public boolean isHistoryEventProduced(HistoryEventType type, Object entity) {
            if (type instanceof HistoryEventTypes known && UNMADE.contains(known)) {
                return false;
            }
            return !(entity instanceof VariableInstanceEntity variable && ofReview(variable));
        }

        private static boolean ofReview(VariableInstanceEntity variable) {
            ExecutionEntity execution = variable.getExecution();
            return execution != null && REVIEW_PROCESS.equals(execution.getProcessDefinition().getKey());
        }
    }

    /**
     * Camunda's database history, less a review variable's event that the level cannot tell apart: Camunda asks it about a
     * variable's migration without naming the variable.
     */
    static final class WithoutReviewVariables extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            boolean reviewVariable = event instanceof HistoricVariableUpdateEventEntity variable
                    && REVIEW_PROCESS.equals(variable.getProcessDefinitionKey());
            if (!reviewVariable) {
                super.handleEvent(event);
            }
        }
    }
}
