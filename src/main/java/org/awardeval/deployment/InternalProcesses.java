package org.awardeval.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Deploys the application's own processes, from the jar, apart from processes/; unchanged files make no new version. */
@Component
class InternalProcesses {

    private final RepositoryService repositoryService;

    InternalProcesses(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    void deploy() {
        DeploymentBuilder builder = repositoryService.createDeployment().name(ProcessChanges.INTERNAL_DEPLOYMENT)
                .source(ProcessChanges.INTERNAL_DEPLOYMENT).enableDuplicateFiltering(false);
        for (String name : new String[] {"process-change.bpmn", "forms/process-change.form"}) {
            try (var in = new ClassPathResource("internal/" + name).getInputStream()) {
                builder.addString(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        builder.deploy();
    }
}
