package org.awardeval.engine;

import java.util.ArrayList;
import java.util.List;
import org.awardeval.security.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/** Puts {@link TaskWriteGuard} in front of every command of the engine. */
@Component
public class TaskWriteGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new TaskWriteGuard(configuration, List.of(Groups.ADMINS)));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
