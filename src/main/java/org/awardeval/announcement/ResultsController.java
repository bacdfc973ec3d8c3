package org.awardeval.announcement;

import java.util.List;
import org.awardeval.announcement.ResultsService.Results;
import org.awardeval.security.ApiSecurity;
import org.awardeval.security.Groups;
import org.awardeval.web.CsvExport;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The published results as JSON and CSV. */
@RestController
class ResultsController {

    private final ResultsService results;

    ResultsController(ResultsService results) {
        this.results = results;
    }

    @GetMapping(path = "/api/calls/{callId}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    public Results json(@PathVariable long callId, Authentication user) {
        return results.results(callId, preview(user));
    }

    @GetMapping(path = "/api/calls/{callId}/results.csv")
    public ResponseEntity<byte[]> csv(@PathVariable long callId, Authentication user) {
        Results r = results.results(callId, preview(user));
        List<List<String>> rows = r.recipients().stream().map(recipient -> List.of(recipient.code(), recipient.categoryName(),
                recipient.title(), recipient.organisation(), recipient.organisationType(), recipient.country())).toList();
        return CsvExport.attachment("results-" + callId + ".csv",
                List.of("code", "category", "title", "organisation", "organisation_type", "country"), rows);
    }

    /** Coordinators who log in see the results during the embargo, to check them before the ceremony. */
    static boolean preview(Authentication user) {
        return user != null && user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(ApiSecurity.ROLE_PREFIX + Groups.COORDINATORS));
    }
}
