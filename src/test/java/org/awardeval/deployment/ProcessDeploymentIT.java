package org.awardeval.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.OwnJvm;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Deploying processes/ (own context: it creates new versions of every process). */
@OwnJvm
@SpringBootTest(properties = "award.poll-interval=PT7M")
@ActiveProfiles("test")
class ProcessDeploymentIT {

    @Autowired ProcessDeployer deployer;
    @Autowired RepositoryService repositoryService;
    @Autowired FormService formService;
    @Autowired TaskService taskService;
    @Autowired InProcessCycle driver;

    @Test
    void anUnchangedFolderCreatesNothingAndAChangedFileANewVersionWhoseFormsResolve() throws IOException {
        SortedMap<String, byte[]> folder = ProcessDeployer.readDirectory(Path.of("processes"));
        assertThat(folder).containsKeys("award-cycle.bpmn", "application.bpmn", "review.bpmn", "eligibility.dmn",
                "forms/review.form", "forms/call-open.form");
        long deployments = repositoryService.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME).count();
        assertThat(deployments).isOne();
        assertThat(latest("Review").getVersion()).isEqualTo(1);

        deployer.deploy(folder, ProcessDeployer.DEPLOYMENT_NAME, "test");
        deployer.deploy(ProcessDeployer.readClasspath(), ProcessDeployer.DEPLOYMENT_NAME, "test classpath");
        assertThat(repositoryService.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME).count()).isOne();
        assertThat(latest("Review").getVersion()).isEqualTo(1);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Review").count()).isOne();

        SortedMap<String, byte[]> changed = new TreeMap<>(folder);
        String review = new String(folder.get("review.bpmn"), StandardCharsets.UTF_8);
        changed.put("review.bpmn", review.replace("name=\"Record the review\"", "name=\"Record the review and its scores\"")
                .getBytes(StandardCharsets.UTF_8));
        var deployment = deployer.deploy(changed, ProcessDeployer.DEPLOYMENT_NAME, "test change");
        assertThat(latest("Review").getVersion()).isEqualTo(2);
        assertThat(repositoryService.getDeploymentResourceNames(deployment.getId())).containsExactlyInAnyOrderElementsOf(folder.keySet());

        // The new version's forms resolve from its own deployment.
        ProcessDefinition cycle = latest("AwardCycle");
        assertThat(cycle.getDeploymentId()).isEqualTo(deployment.getId());
        assertThat(read(formService.getDeployedStartForm(cycle.getId()))).contains("\"id\": \"call-open\"");
        long callId = driver.openCall("Deployment check");
        Task close = taskService.createTaskQuery().processInstanceBusinessKey("call-" + callId).taskDefinitionKey("Task_CloseCallEarly")
                .singleResult();
        assertThat(close.getProcessDefinitionId()).isEqualTo(cycle.getId());
        assertThat(read(formService.getDeployedTaskForm(close.getId()))).contains("\"id\": \"close-call\"");
    }

    private ProcessDefinition latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
