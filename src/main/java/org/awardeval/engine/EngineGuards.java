package org.awardeval.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awardeval.security.Groups;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.springframework.stereotype.Component;

/**
 * Puts the engine's guards in front of every command: {@link TaskWriteGuard} for what users write to tasks, and
 * {@link DeploymentCheck} for every deployment, whoever makes it and however (REST API, folder, approved change).
 */
@Component
class EngineGuards extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new TaskWriteGuard(configuration, List.of(Groups.ADMINS)));
        interceptors.add(new DeploymentGuard());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** Refuses a deployment with a script, a Java class or an expression beyond {@link DeploymentCheck}'s. */
    static final class DeploymentGuard extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof DeployCmd) {
                DeploymentBuilderImpl builder = TaskWriteGuard.field(command, "deploymentBuilder");
                Map<String, byte[]> resources = new TreeMap<>();
                Map<String, ResourceEntity> entities = builder.getDeployment().getResources();
                if (entities != null) {
                    entities.forEach((name, resource) -> resources.put(name, resource.getBytes()));
                }
                List<String> problems = DeploymentCheck.problems(resources);
                if (!problems.isEmpty()) {
                    throw new Refused(problems);
                }
            }
            return next.execute(command);
        }
    }

    /** A deployment refused by the check; the REST API answers 400 with the problems. */
    public static final class Refused extends BadUserRequestException {
        Refused(List<String> problems) {
            super("The deployment was refused: " + String.join("; ", problems));
        }
    }
}
