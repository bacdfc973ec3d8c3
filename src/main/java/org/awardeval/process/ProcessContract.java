package org.awardeval.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;

/**
 * What Java relies on in one process file and its forms: the process key, the messages Java sends, the BPMN errors it
 * throws, the elements it looks up, the input parameters it reads and the form fields it reads. A process owner may
 * change anything else in the Modeler; {@link #problems} names what a changed set of files no longer has.
 */
public record ProcessContract(String key, String file, List<String> messages, List<String> errors, List<String> elements,
        List<String> inputs, Map<String, List<String>> formFields) {

    /** The processes of the award (a method: each contract class builds its contract when it is first used). */
    public static List<ProcessContract> all() {
        return List.of(AwardCycleProcess.CONTRACT, ApplicationProcess.CONTRACT, ReviewProcess.CONTRACT, ReconsiderProcess.CONTRACT);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the files (by name, as processes/ holds them) no longer have that Java uses; empty when all is there. */
    public static List<String> problems(Map<String, byte[]> files) {
        List<String> problems = new ArrayList<>();
        for (ProcessContract contract : all()) {
            problems.addAll(contract.problemsIn(files));
        }
        return problems;
    }

    List<String> problemsIn(Map<String, byte[]> files) {
        List<String> problems = new ArrayList<>();
        byte[] bpmn = files.get(file);
        if (bpmn == null) {
            return List.of(file + ": missing; the application runs this process (" + key + ")");
        }
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        } catch (RuntimeException e) {
            return List.of(file + ": cannot be read");
        }
        if (model.getModelElementsByType(Process.class).stream().noneMatch(p -> key.equals(p.getId()))) {
            problems.add(file + ": no process with the id " + key + " (the application starts and finds it by this id)");
        }
        Set<String> messageNames = names(model.getModelElementsByType(Message.class).stream().map(Message::getName).toList());
        messages.stream().filter(m -> !messageNames.contains(m))
                .forEach(m -> problems.add(file + ": no message named " + m + " (the application sends it)"));
        Set<String> errorCodes = names(model.getModelElementsByType(Error.class).stream().map(Error::getErrorCode).toList());
        errors.stream().filter(e -> !errorCodes.contains(e))
                .forEach(e -> problems.add(file + ": no error with the code " + e + " (the application throws it)"));
        elements.stream().filter(id -> model.getModelElementById(id) == null)
                .forEach(id -> problems.add(file + ": no element with the id " + id + " (the application looks it up)"));
        Set<String> inputNames = names(model.getModelElementsByType(CamundaInputParameter.class).stream()
                .map(CamundaInputParameter::getCamundaName).toList());
        inputs.stream().filter(i -> !inputNames.contains(i))
                .forEach(i -> problems.add(file + ": no input parameter named " + i + " (the application reads it)"));
        formFields.forEach((form, keys) -> {
            Set<String> present = formKeys(files.get("forms/" + form + ".form"));
            keys.stream().filter(k -> !present.contains(k))
                    .forEach(k -> problems.add("forms/" + form + ".form: no field with the key " + k + " (the application reads it)"));
        });
        return problems;
    }

    private static Set<String> names(List<String> names) {
        return new HashSet<>(names.stream().filter(n -> n != null).toList());
    }

    private static Set<String> formKeys(byte[] form) {
        Set<String> keys = new HashSet<>();
        if (form == null) {
            return keys;
        }
        try {
            collect(JSON.readTree(form), keys);
        } catch (IOException e) {
            // An unreadable form has no fields; its keys are reported missing.
        }
        return keys;
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (node.hasNonNull("key")) {
            keys.add(node.get("key").asText());
        }
        node.path("components").forEach(child -> collect(child, keys));
    }
}
