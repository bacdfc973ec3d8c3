package org.awardeval.system;

import java.util.ArrayList;
import java.util.List;
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
 * log: together they were a third of all inserts of a cycle (docs/BENCHMARKS.md) and nothing reads them. Only what
 * is written changes, so the database's history level stays "full".
 */
@Component
public class HistoryWrites extends AbstractProcessEnginePlugin {

    private final AwardProperties properties;

    public HistoryWrites(AwardProperties properties) {
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

    /** Camunda's database history without variable update details and job log entries. */
    static final class WithoutDetails extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricJobLogEvent)) {
                super.handleEvent(event);
            }
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
