package org.awardeval.assignment;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.assignment.JudgeService.JudgeRegistration;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The judge registry for coordinators: register or update a judge, import many from CSV, list them. */
@RestController
class JudgeController {

    private final JudgeService judges;
    private final JudgeRepository repository;
    private final JudgeImporter importer;

    JudgeController(JudgeService judges, JudgeRepository repository, JudgeImporter importer) {
        this.judges = judges;
        this.repository = repository;
        this.importer = importer;
    }

    @PostMapping("/api/judges")
    public ResponseEntity<Map<String, Object>> register(@RequestBody(required = false) JudgeRegistration registration) {
        if (registration == null) {
            throw new ValidationException(List.of(new FieldError("body", "is empty")));
        }
        judges.register(registration);
        Judge judge = repository.byUserId(registration.userId()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/judges")).body(describe(judge));
    }

    @PostMapping(path = "/api/judges/import", consumes = "text/csv")
    public JudgeImporter.Report importCsv(@RequestBody byte[] body) {
        return importer.importCsv(body);
    }

    @GetMapping("/api/judges")
    public List<Map<String, Object>> list() {
        return repository.all().stream().map(JudgeController::describe).toList();
    }

    private static Map<String, Object> describe(Judge j) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("userId", j.userId());
        view.put("code", j.code());
        view.put("name", j.name());
        view.put("email", j.email());
        view.put("gender", j.gender());
        view.put("country", j.country());
        view.put("region", j.region());
        view.put("affiliation", j.affiliation());
        view.put("maxLoad", j.maxLoad());
        view.put("expertise", j.expertise());
        view.put("conflicts", j.conflicts());
        return view;
    }
}
