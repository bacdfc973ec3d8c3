package org.awardeval.engine;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Room for a case description in a text variable. Camunda keeps a string variable in a column of 4,000 characters;
 * the redaction check and the judges' review show the description (up to 20,000 characters, about 3,000 words, with the
 * application's further facts) as one, and a longer one failed the whole submission. The column is widened where it
 * is narrower; widening a VARCHAR changes no row.
 */
@Component
class LongTexts extends AbstractProcessEnginePlugin {

    static final int LENGTH = 40_000;
    static final List<String> TABLES = List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL");
    private static final Logger LOG = LoggerFactory.getLogger(LongTexts.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
        for (String table : TABLES) {
            Integer length = jdbc.query("""
                    SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS
                    WHERE UPPER(TABLE_NAME) = ? AND UPPER(COLUMN_NAME) = 'TEXT_'""",
                    rs -> rs.next() ? (Integer) rs.getObject(1, Integer.class) : null, table);
            if (length != null && length < LENGTH) {
                jdbc.execute("ALTER TABLE " + configuration.getDatabaseTablePrefix() + table + " ALTER COLUMN TEXT_ SET DATA TYPE VARCHAR("
                        + LENGTH + ")");
                LOG.info("{}.TEXT_ widened from {} to {} characters", table, length, LENGTH);
            }
        }
    }
}
