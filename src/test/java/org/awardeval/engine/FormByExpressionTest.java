package org.awardeval.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A form a process chooses by an expression is the one its writes are checked against, task by task. */
@H2Test
class FormByExpressionTest {

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired InProcessCycle driver;

    @Test
    void eachTaskTakesTheFieldsOfTheFormItResolves() {
        driver.ensureUsers();
        String judge = CycleDriver.judges().get(0);
        String deployment = repositoryService.createDeployment().name("form-by-expression")
                .addModelInstance("form-by-expression.bpmn", Bpmn.createExecutableProcess("FormByExpression").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Answer").camundaAssignee(judge).camundaFormRef("${formName}")
                        .camundaFormRefBinding("deployment").endEvent().done())
                .addString("expression-alpha.form", form("expression-alpha", "alpha"))
                .addString("expression-beta.form", form("expression-beta", "beta")).deploy().getId();
        try {
            String alpha = task(runtimeService.startProcessInstanceByKey("FormByExpression", Map.of("formName", "expression-alpha")).getId());
            String beta = task(runtimeService.startProcessInstanceByKey("FormByExpression", Map.of("formName", "expression-beta")).getId());
            // The first form is read and kept; the second task's form is another.
            assertThatThrownBy(() -> driver.completeAs(judge, alpha, Map.of("beta", "no"))).hasMessageContaining("beta");
            assertThatThrownBy(() -> driver.completeAs(judge, beta, Map.of("alpha", "no"))).hasMessageContaining("alpha");
            driver.completeAs(judge, beta, Map.of("beta", "yes"));
            driver.completeAs(judge, alpha, Map.of("alpha", "yes"));
            assertThat(taskService.createTaskQuery().processDefinitionKey("FormByExpression").count()).isZero();
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    private String task(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }

    private static String form(String id, String field) {
        return """
                {"components": [{"type": "textfield", "key": "%s", "label": "%s", "id": "Field_1"}],
                 "type": "default", "id": "%s", "schemaVersion": 16}""".formatted(field, field, id);
    }
}
