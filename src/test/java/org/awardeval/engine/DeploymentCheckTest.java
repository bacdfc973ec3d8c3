package org.awardeval.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.awardeval.deployment.ProcessDeployer;
import org.junit.jupiter.api.Test;

/** What a process owner may deploy: the shipped processes, and nothing that runs code of its own. */
public class DeploymentCheckTest {

    public static final String ESCALATION = "${execution.getProcessEngineServices().getIdentityService()"
            + ".createMembership('owner','camunda-admin')}";

    @Test
    void everyShippedFileIsAccepted() {
        Map<String, byte[]> shipped = ProcessDeployer.readDirectory(Path.of("processes"));
        assertThat(shipped).containsKeys("award-cycle.bpmn", "application.bpmn", "review.bpmn", "eligibility.dmn", "forms/review.form");
        assertThat(DeploymentCheck.problems(shipped)).isEmpty();
    }

    @Test
    void theEscalationThroughAnExpressionIsRefusedWhereverItStands() {
        for (String place : List.of(
                "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"" + ESCALATION + "\"/>",
                "<bpmn:userTask id=\"Task_X\" camunda:assignee=\"" + ESCALATION + "\"/>",
                "<bpmn:serviceTask id=\"Task_X\" camunda:delegateExpression=\"${execution.processEngineServices}\"/>",
                "<bpmn:sequenceFlow id=\"Flow_X\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
                        + ESCALATION + "</bpmn:conditionExpression></bpmn:sequenceFlow>",
                "<bpmn:serviceTask id=\"Task_X\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">"
                        + "${identityService.createMembership('owner', 'camunda-admin')}</camunda:inputParameter></camunda:inputOutput>"
                        + "</bpmn:extensionElements></bpmn:serviceTask>",
                "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${execution['processEngineServices']}\"/>",
                "<bpmn:serviceTask id=\"Task_X\" camunda:expression=\"${S(x).prop('a')}\"/>")) {
            List<String> problems = DeploymentCheck.problems(Map.of("owner.bpmn", bpmn(place)));
            assertThat(problems).as(place).singleElement().asString().startsWith("owner.bpmn: line ").contains("X");
        }
    }

    @Test
    void scriptsJavaClassesAndConnectorsAreRefusedNamingFileLineAndElement() {
        assertThat(DeploymentCheck.problems(Map.of("s.bpmn", bpmn("<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"groovy\">"
                + "<bpmn:script>1</bpmn:script></bpmn:scriptTask>")))).singleElement().asString()
                .isEqualTo("s.bpmn: line 4: scriptTask 'Task_Script': a script task runs code on the server; use a service task with a delegate");
        assertThat(DeploymentCheck.problems(Map.of("c.bpmn", bpmn("<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"java.lang.Runtime\"/>"))))
                .singleElement().asString().contains("Task_Class").contains("camunda:class");
        assertThat(DeploymentCheck.problems(Map.of("l.bpmn", bpmn("<bpmn:userTask id=\"Task_L\"><bpmn:extensionElements>"
                + "<camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"javascript\">x</camunda:script>"
                + "</camunda:taskListener></bpmn:extensionElements></bpmn:userTask>")))).singleElement().asString().contains("a script");
        assertThat(DeploymentCheck.problems(Map.of("k.bpmn", bpmn("<bpmn:serviceTask id=\"Task_K\"><bpmn:extensionElements>"
                + "<camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>"
                + "</bpmn:extensionElements></bpmn:serviceTask>")))).singleElement().asString().contains("connector");
        assertThat(DeploymentCheck.problems(Map.of("f.bpmn", bpmn("<bpmn:sequenceFlow id=\"Flow_S\" sourceRef=\"a\" targetRef=\"b\">"
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">true</bpmn:conditionExpression>"
                + "</bpmn:sequenceFlow>")))).singleElement().asString().contains("script language 'javascript'");
        assertThat(DeploymentCheck.problems(Map.of("x.groovy", "1".getBytes(StandardCharsets.UTF_8)))).hasSize(1);
    }

    @Test
    void decisionsKeepFeelAndRefuseOtherLanguages() {
        String juel = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x" expressionLanguage="juel">
                  <decision id="Decision_X" name="x"/>
                </definitions>""";
        assertThat(DeploymentCheck.problems(Map.of("x.dmn", juel.getBytes(StandardCharsets.UTF_8)))).singleElement().asString()
                .contains("'juel'").contains("FEEL");
        assertThat(DeploymentCheck.problems(Map.of("x.dmn", juel.replace("juel", "https://www.omg.org/spec/DMN/20191111/FEEL/")
                .getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void whatTheShippedProcessesDoStaysAllowed() {
        for (String ok : List.of("${reviewDueAt}", "${eligibilityOutcome == 'DOUBTFUL'}", "${execution.getVariable('conflictDeclared') == true}",
                "${decisionResult.getSingleResult().reason}", "${not empty x and y > 3 ? 'a' : 'b'}", "Review ${applicationCode}",
                "${assignmentIds}")) {
            assertThat(DeploymentCheck.problems(Map.of("ok.bpmn", bpmn("<bpmn:userTask id=\"Task_Ok\" name=\"" + ok + "\"/>"))))
                    .as(ok).isEmpty();
        }
        // Near misses of the allowed calls.
        for (String bad : List.of("${execution.getVariable(x.y)}", "${execution.setVariable('a', 1)}",
                "${decisionResult.getSingleResult().rule.getClass()}", "${assignmentRepository.idsForApplication(applicationId)}")) {
            assertThat(DeploymentCheck.problems(Map.of("bad.bpmn", bpmn("<bpmn:userTask id=\"Task_Bad\" name=\"" + bad + "\"/>"))))
                    .as(bad).hasSize(1);
        }
    }

    public static byte[] bpmn(String body) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="x">
                  <bpmn:process id="Owner" isExecutable="true" camunda:historyTimeToLive="1">
                """ + body + """
                  </bpmn:process>
                </bpmn:definitions>""").getBytes(StandardCharsets.UTF_8);
    }
}
