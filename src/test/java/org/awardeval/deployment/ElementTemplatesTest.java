package org.awardeval.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.awardeval.support.H2Test;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The Modeler's element templates in processes/ cover every delegate the application has, name real beans, and agree
 * with every service task that uses them: a process owner who applies a template gets a step that runs.
 */
@H2Test
class ElementTemplatesTest {

    static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates", "award-evaluation.json");

    @Autowired ApplicationContext context;

    record Template(String id, int version, String delegateExpression, Map<String, Boolean> flags, Map<String, Set<String>> inputs) {
    }

    @Test
    void everyDelegateBeanHasATemplateAndEveryTemplateNamesADelegateBean() throws IOException {
        Map<String, Template> templates = templates();
        Set<String> templated = new HashSet<>();
        for (Template template : templates.values()) {
            String bean = template.delegateExpression().substring(2, template.delegateExpression().length() - 1);
            assertThat(context.containsBean(bean)).as(template.id() + " names bean " + bean).isTrue();
            assertThat(context.getBean(bean)).as(bean).isInstanceOf(JavaDelegate.class);
            templated.add(bean);
        }
        Set<String> delegates = new HashSet<>(List.of(context.getBeanNamesForType(JavaDelegate.class)));
        // The approval of process changes is the application's own (src/main/resources/internal): no template offers it.
        delegates.remove("decideProcessChangeDelegate");
        assertThat(templated).containsExactlyInAnyOrderElementsOf(delegates);
    }

    @Test
    void everyServiceTaskUsesItsTemplateAsTheTemplateDescribesIt() throws IOException {
        Map<String, Template> templates = templates();
        int tasks = 0;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                    String where = file.getFileName() + " " + task.getId();
                    String templateId = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate");
                    assertThat(templates).as(where).containsKey(templateId);
                    Template template = templates.get(templateId);
                    assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplateVersion"))
                            .as(where).isEqualTo(String.valueOf(template.version()));
                    assertThat(task.getCamundaDelegateExpression()).as(where).isEqualTo(template.delegateExpression());
                    assertThat(task.isCamundaAsyncBefore()).as(where + " asyncBefore")
                            .isEqualTo(template.flags().getOrDefault("camunda:asyncBefore", false));
                    assertThat(task.isCamundaAsyncAfter()).as(where + " asyncAfter")
                            .isEqualTo(template.flags().getOrDefault("camunda:asyncAfter", false));
                    Map<String, String> inputs = new HashMap<>();
                    if (task.getExtensionElements() != null) {
                        task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()
                                .forEach(io -> io.getCamundaInputParameters().forEach(
                                        (CamundaInputParameter p) -> inputs.put(p.getCamundaName(), p.getTextContent())));
                    }
                    assertThat(inputs.keySet()).as(where + " inputs").isEqualTo(template.inputs().keySet());
                    inputs.forEach((name, value) -> assertThat(template.inputs().get(name)).as(where + " " + name).contains(value));
                    tasks++;
                }
            }
        }
        assertThat(tasks).isEqualTo(40);
    }

    static Map<String, Template> templates() throws IOException {
        Map<String, Template> templates = new HashMap<>();
        for (JsonNode node : new ObjectMapper().readTree(TEMPLATES.toFile())) {
            String delegate = null;
            Map<String, Boolean> flags = new HashMap<>();
            Map<String, Set<String>> inputs = new HashMap<>();
            for (JsonNode property : node.get("properties")) {
                JsonNode binding = property.get("binding");
                String name = binding.get("name").asText();
                if ("camunda:delegateExpression".equals(name)) {
                    delegate = property.get("value").asText();
                } else if ("property".equals(binding.get("type").asText())) {
                    flags.put(name, property.get("value").asBoolean());
                } else if ("camunda:inputParameter".equals(binding.get("type").asText())) {
                    Set<String> choices = new HashSet<>();
                    property.get("choices").forEach(choice -> choices.add(choice.get("value").asText()));
                    inputs.put(name, choices);
                }
            }
            assertThat(node.get("appliesTo").toString()).contains("bpmn:ServiceTask");
            assertThat(node.get("description").asText()).isNotBlank();
            templates.put(node.get("id").asText(), new Template(node.get("id").asText(), node.get("version").asInt(), delegate,
                    flags, inputs));
        }
        return templates;
    }
}
