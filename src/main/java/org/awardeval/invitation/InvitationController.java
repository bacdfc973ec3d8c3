package org.awardeval.invitation;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.web.CsvTable;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Coordinators invite judges to a call (JSON or CSV) and follow the answers and the count per category. */
@RestController
class InvitationController {

    /** {"judges": ["tj01", "tj02"], "load": 8}; load is optional (each judge's registered maximum). */
    record InvitationRequest(List<String> judges, Integer load) {
    }

    private final JudgeInvitations invitations;

    InvitationController(JudgeInvitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping(path = "/api/calls/{callId}/invitations", consumes = "application/json")
    public ResponseEntity<JudgeInvitations.Sent> invite(@PathVariable long callId, @RequestBody(required = false) InvitationRequest request,
            Principal user) {
        if (request == null) {
            throw new ValidationException(List.of(new FieldError("body", "is empty")));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(invitations.invite(callId, request.judges(), request.load(), user.getName()));
    }

    /** A CSV with a column user_id and, optionally, load: one judge a row; one refused row invites nobody. */
    @PostMapping(path = "/api/calls/{callId}/invitations/import", consumes = "text/csv")
    public ResponseEntity<JudgeInvitations.Sent> importCsv(@PathVariable long callId, @RequestBody byte[] body, Principal user) {
        CsvTable table = CsvTable.read(body, List.of("user_id"), 1000);
        Map<Integer, List<String>> byLoad = new LinkedHashMap<>();
        List<FieldError> problems = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String load = row.get("load");
            Integer value = null;
            if (load != null && !load.isBlank()) {
                try {
                    value = Integer.valueOf(load.strip());
                } catch (NumberFormatException e) {
                    problems.add(new FieldError("row " + row.number() + ": load", "'" + load + "' is not a whole number"));
                }
            }
            byLoad.computeIfAbsent(value, k -> new ArrayList<>()).add(row.get("user_id"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(invitations.inviteAll(callId, byLoad, user.getName()));
    }

    @GetMapping("/api/calls/{callId}/invitations")
    public Map<String, Object> list(@PathVariable long callId) {
        return Map.of("categories", invitations.counts(callId), "invitations", invitations.list(callId));
    }
}
