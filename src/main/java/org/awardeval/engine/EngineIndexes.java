package org.awardeval.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two indexes Camunda's schema lacks, measured with bench/cycle.sh (docs/BENCHMARKS.md). Job acquisition looks for due
 * jobs among all jobs, and a cycle keeps three timers per open review: 90,000 at 10,000 applications, which every
 * acquisition read in full. Every job gets a due date and the due date an index, so an acquisition reads the due jobs
 * only. Completing a task looks for its subtasks, which read every open task without an index on the parent.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String JOB_DUE_DATE = "AWARD_IDX_JOB_DUEDATE";
    static final String TASK_PARENT = "AWARD_IDX_TASK_PARENT";
    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Acquisition then asks for "due date <= now" alone, a range the index answers.
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String prefix = configuration.getDatabaseTablePrefix();
        String jobs = prefix + "ACT_RU_JOB";
        JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + JOB_DUE_DATE + " ON " + jobs + " (DUEDATE_)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + TASK_PARENT + " ON " + prefix + "ACT_RU_TASK (PARENT_TASK_ID_)");
        // Jobs written before every job had a due date would never be acquired again.
        // The engine's clock, in its precision: the database's may be ahead of it by a fraction of a millisecond.
        int dated = jdbc.update("UPDATE " + jobs + " SET DUEDATE_ = ? WHERE DUEDATE_ IS NULL", ClockUtil.getCurrentTime());
        if (dated > 0) {
            LOG.info("{} waiting jobs without a due date are due now", dated);
        }
    }
}
