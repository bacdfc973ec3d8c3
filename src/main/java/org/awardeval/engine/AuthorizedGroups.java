package org.awardeval.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before a permission check Camunda keeps only those of the user's groups that hold some authorization, and finds
 * them with {@code SELECT DISTINCT GROUP_ID_} over the whole authorization table, once per command. A cycle writes a
 * row there per open task (30,000 at 10,000 applications), so every action of a judge read them all
 * (docs/BENCHMARKS.md). This asks the table's group index about each of the user's own groups instead: the same
 * groups come out.
 */
@Component
class AuthorizedGroups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        // A custom factory for a session type replaces the engine's own.
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new IndexedGroupLookup();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's authorization manager, finding the user's authorized groups through the index. */
    static final class IndexedGroupLookup extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return Collections.emptyList();
            }
            String table = Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
            Connection connection = getDbSqlSession().getSqlSession().getConnection();
            List<String> authorized = new ArrayList<>();
            try (PreparedStatement exists = connection.prepareStatement(
                    "SELECT CASE WHEN EXISTS (SELECT 1 FROM " + table + " WHERE GROUP_ID_ = ?) THEN 1 ELSE 0 END")) {
                for (String groupId : new LinkedHashSet<>(authenticatedGroupIds)) {
                    if (groupId == null) {
                        continue;
                    }
                    exists.setString(1, groupId);
                    try (ResultSet result = exists.executeQuery()) {
                        if (result.next() && result.getInt(1) == 1) {
                            authorized.add(groupId);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new ProcessEngineException("Could not read the authorized groups", e);
            }
            return authorized;
        }
    }
}
