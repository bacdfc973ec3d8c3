package org.awardeval.audit;

import java.util.List;
import org.awardeval.web.CsvExport;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of a call for coordinators, as JSON and as CSV. */
@RestController
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping(path = "/api/calls/{callId}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AuditService.Entry> json(@PathVariable long callId) {
        return audit.entries(callId);
    }

    @GetMapping(path = "/api/calls/{callId}/audit.csv")
    public ResponseEntity<byte[]> csv(@PathVariable long callId) {
        List<List<String>> rows = audit.entries(callId).stream().map(e -> List.of(e.at() == null ? "" : e.at().toString(), e.actor(),
                e.step(), e.application() == null ? "" : e.application(), e.decision())).toList();
        return CsvExport.attachment("audit-" + callId + ".csv", List.of("at", "actor", "step", "application", "decision"), rows);
    }
}
