package org.awardeval.deployment;

import java.io.IOException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.awardeval.deployment.ProcessChanges.Proposal;
import org.awardeval.web.NotFoundException;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Process owners propose a new version of the processes: every .bpmn, .dmn and .form file, each part named by its path
 * in processes/ (forms/review.form). The answer says whether it waits for approval, and why not when it is refused.
 */
@RestController
class ProcessChangeController {

    private final ProcessChanges changes;

    ProcessChangeController(ProcessChanges changes) {
        this.changes = changes;
    }

    @PostMapping(path = "/api/processes/changes", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    Proposal propose(@RequestParam("files") List<MultipartFile> files, Authentication user) throws IOException {
        SortedMap<String, byte[]> resources = new TreeMap<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replace('\\', '/');
            if (name.isBlank() || name.startsWith("/") || name.contains("..")) {
                throw new ValidationException(List.of(new FieldError("files", "'" + name + "' is not a path inside processes/")));
            }
            resources.put(name, file.getBytes());
        }
        return changes.propose(user.getName(), resources);
    }

    @GetMapping("/api/processes/changes/{id}")
    Proposal change(@PathVariable long id) {
        return changes.find(id).orElseThrow(() -> new NotFoundException("There is no process change " + id));
    }
}
