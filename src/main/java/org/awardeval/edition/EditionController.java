package org.awardeval.edition;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.awardeval.call.CallRepository;
import org.awardeval.web.NotFoundException;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A coordinator opens the next edition of a call. */
@RestController
class EditionController {

    private final NextEdition next;
    private final CallRepository calls;

    EditionController(NextEdition next, CallRepository calls) {
        this.next = next;
        this.calls = calls;
    }

    @PostMapping("/api/calls/{callId}/next-edition")
    ResponseEntity<NextEdition.Opened> open(@PathVariable long callId, @RequestBody(required = false) NextEdition.Request request,
            Principal coordinator) {
        calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
        if (request == null) {
            throw new ValidationException(List.of(new FieldError("body", "is empty")));
        }
        NextEdition.Opened opened = next.open(callId, request, coordinator.getName());
        return ResponseEntity.created(URI.create("/api/calls/" + opened.callId())).body(opened);
    }
}
