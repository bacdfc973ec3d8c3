package org.awardeval.deployment;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Process owners deploy the processes folder on demand and see how the latest deployment went. */
@RestController
class ProcessController {

    private final ProcessDeployer deployer;

    ProcessController(ProcessDeployer deployer) {
        this.deployer = deployer;
    }

    @GetMapping("/api/processes")
    public Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("folder", deployer.folder().toString());
        body.put("folderExists", Files.isDirectory(deployer.folder()));
        body.put("latest", deployer.status().orElse(null));
        return body;
    }

    /** Deploys the folder now; a file the engine rejects comes back as a field error naming the file, line and element. */
    @PostMapping("/api/processes/deploy")
    public Map<String, Object> deploy() {
        if (!Files.isDirectory(deployer.folder())) {
            throw new ValidationException(List.of(new FieldError("processes-dir",
                    "the folder " + deployer.folder() + " does not exist on this server (set AWARD_PROCESSES_DIR)")));
        }
        try {
            deployer.deployFolder();
        } catch (ParseException e) {
            throw new ValidationException(problems(e));
        } catch (RuntimeException e) {
            throw new ValidationException(List.of(new FieldError("processes", String.valueOf(e.getMessage()))));
        }
        return status();
    }

    private static List<FieldError> problems(ParseException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            for (Problem problem : report.getErrors()) {
                String where = "line " + problem.getLine()
                        + (problem.getMainElementId() != null ? ", element " + problem.getMainElementId() : "");
                errors.add(new FieldError(report.getResourceName(), where + ": " + problem.getMessage()));
            }
        }
        return errors.isEmpty() ? List.of(new FieldError("processes", e.getMessage())) : errors;
    }
}
