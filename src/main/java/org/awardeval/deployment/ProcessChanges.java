package org.awardeval.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import org.awardeval.engine.DeploymentCheck;
import org.awardeval.process.ProcessContract;
import org.awardeval.web.TaskInputException;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A process owner's change to the processes: checked ({@link DeploymentCheck}), kept, and deployed only once a
 * coordinator or an administrator other than its author has seen what it changes and approved it
 * (internal/process-change.bpmn, which process owners cannot change).
 */
@Service
class ProcessChanges {

    public static final String PROCESS_KEY = "ProcessChangeApproval";
    /** Who proposes what is saved in the server's processes folder. */
    public static final String FOLDER = "processes folder";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessChanges.class);
    static final String INTERNAL_DEPLOYMENT = "award-internal";
    private static final int DIFF_LINES = 400;

    private final ProcessChangeRepository changes;
    private final ProcessDeployer deployer;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    ProcessChanges(ProcessChangeRepository changes, ProcessDeployer deployer, RepositoryService repositoryService,
            RuntimeService runtimeService) {
        this.changes = changes;
        this.deployer = deployer;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    public record Proposal(long id, String status, String summary) {
    }

    /** The files are the processes as deployed. */
    static final class NothingToApprove extends ValidationException {
        NothingToApprove() {
            super(List.of(new FieldError("files", "these files are the processes as deployed: nothing to approve")));
        }
    }

    /**
     * Proposes the processes as these files (the whole set, as the folder holds it). Refused with the check's problems,
     * or when nothing changes; otherwise an approval task waits for a coordinator.
     */
    @Transactional
    public Proposal propose(String proposedBy, SortedMap<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("files", "send the .bpmn, .dmn and .form files of the processes")));
        }
        List<String> problems = new ArrayList<>(DeploymentCheck.problems(files));
        problems.addAll(unreadable(files));
        if (problems.isEmpty()) {
            problems.addAll(ProcessContract.problems(files));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream().map(p -> new FieldError(p.substring(0, Math.max(0, p.indexOf(':'))),
                    p.substring(p.indexOf(':') + 1).strip())).toList());
        }
        String summary = summary(deployed(), files);
        if (summary.isEmpty()) {
            throw new NothingToApprove();
        }
        // A later proposal by the same author replaces the one still waiting (an editor saves several times).
        for (long older : changes.pendingOf(proposedBy)) {
            changes.decide(older, "SUPERSEDED", proposedBy, "replaced by a later proposal", null);
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("process-change-" + older).list()
                    .forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "superseded by a later proposal"));
        }
        long id = changes.insert(proposedBy, summary, files);
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, "process-change-" + id, Variables.createVariables()
                .putValue("changeId", id).putValue("proposedBy", proposedBy).putValue("changeSummary", summary));
        return new Proposal(id, "PENDING", summary);
    }

    /**
     * Proposes the server's processes folder as it is now. A folder that changes nothing is no proposal; one refused by
     * the checks is kept as the latest deployment's error, naming the file, line and element.
     */
    public Optional<Proposal> proposeFolder() {
        String source = deployer.folder().toString();
        try {
            Proposal proposal = propose(FOLDER, ProcessDeployer.readDirectory(deployer.folder()));
            LOG.info("The processes in {} wait for approval as change {}", source, proposal.id());
            return Optional.of(proposal);
        } catch (NothingToApprove e) {
            return Optional.empty();
        } catch (ValidationException e) {
            deployer.refused(source, e.errors().stream().map(error -> error.field() + ": " + error.message())
                    .collect(Collectors.joining("; ")));
            return Optional.empty();
        } catch (RuntimeException e) {
            deployer.refused(source, e.getMessage());
            return Optional.empty();
        }
    }

    /** Files the BPMN and DMN model reader refuses (schema, references between elements), before anyone is asked. */
    static List<String> unreadable(Map<String, byte[]> files) {
        List<String> problems = new ArrayList<>();
        files.forEach((name, bytes) -> {
            try {
                if (name.endsWith(".bpmn")) {
                    Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
                } else if (name.endsWith(".dmn")) {
                    Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
                }
            } catch (RuntimeException e) {
                String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
                problems.add(name + ": cannot be read: " + reason);
            }
        });
        return problems;
    }

    public Optional<Proposal> find(long id) {
        return changes.find(id).map(c -> new Proposal(c.id(), c.status(), c.summary()));
    }

    /** Approves or rejects; who decides is the engine's authenticated user completing the approval task. */
    @Transactional
    public void decide(long changeId, String decidedBy, boolean approve, String reason) {
        ProcessChangeRepository.Change change = changes.find(changeId)
                .orElseThrow(() -> new IllegalStateException("No process change " + changeId));
        if (approve && change.proposedBy().equals(decidedBy)) {
            throw new TaskInputException(List.of(new FieldError("decision",
                    "you proposed this change; another coordinator or an administrator approves it")));
        }
        String deploymentId = null;
        if (approve) {
            try {
                DeploymentWithDefinitions deployment = deployer.deploy(new TreeMap<>(changes.files(changeId)),
                        ProcessDeployer.DEPLOYMENT_NAME, "change " + changeId + " by " + change.proposedBy() + ", approved by " + decidedBy);
                deploymentId = deployment.getId();
            } catch (ProcessEngineException e) {
                // The approver reads why and may reject the change instead; nothing is deployed.
                throw new TaskInputException(List.of(new FieldError("decision",
                        "the engine refuses these files, so the change cannot be deployed: " + e.getMessage())));
            }
        }
        changes.decide(changeId, approve ? "DEPLOYED" : "REJECTED", decidedBy, reason, deploymentId);
    }

    /** Whether a process definition is one of the application's own, which no process owner deploys. */
    boolean internal(String processDefinitionId) {
        String deploymentId = repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId();
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        return deployment != null && INTERNAL_DEPLOYMENT.equals(deployment.getName());
    }

    /** The files of the latest deployment of the processes. */
    SortedMap<String, byte[]> deployed() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        Deployment latest = repositoryService.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        if (latest != null) {
            for (String name : repositoryService.getDeploymentResourceNames(latest.getId())) {
                try (var in = repositoryService.getResourceAsStream(latest.getId(), name)) {
                    files.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    /** Per file: added, removed, or changed with a unified diff; empty when nothing changes. */
    static String summary(Map<String, byte[]> before, Map<String, byte[]> after) {
        StringBuilder out = new StringBuilder();
        int lines = 0;
        for (String name : new TreeSet<>(union(before, after))) {
            List<String> old = lines(before.get(name));
            List<String> now = lines(after.get(name));
            if (old.equals(now)) {
                continue;
            }
            String kind = before.containsKey(name) ? after.containsKey(name) ? "changed" : "removed" : "added";
            out.append(kind).append(": ").append(name).append('\n');
            List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(name, name, old, DiffUtils.diff(old, now), 2);
            for (String line : diff.subList(Math.min(2, diff.size()), diff.size())) {
                if (lines++ < DIFF_LINES) {
                    out.append(line).append('\n');
                }
            }
            out.append('\n');
        }
        if (lines > DIFF_LINES) {
            out.append("(").append(lines - DIFF_LINES).append(" more lines of changes not shown)\n");
        }
        return out.toString().strip();
    }

    private static List<String> union(Map<String, byte[]> a, Map<String, byte[]> b) {
        List<String> names = new ArrayList<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    private static List<String> lines(byte[] bytes) {
        return bytes == null ? List.of() : List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1));
    }
}
