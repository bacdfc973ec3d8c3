package org.awardeval.announcement;

import java.util.List;
import org.awardeval.announcement.ResultsService.Results;
import org.awardeval.system.CsvExport;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The published results as JSON and CSV. */
@RestController
public class ResultsController {

    private final ResultsService results;

    public ResultsController(ResultsService results) {
        this.results = results;
    }

    @GetMapping(path = "/api/calls/{callId}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    public Results json(@PathVariable long callId) {
        return results.results(callId);
    }

    @GetMapping(path = "/api/calls/{callId}/results.csv")
    public ResponseEntity<byte[]> csv(@PathVariable long callId) {
        Results r = results.results(callId);
        List<List<String>> rows = r.recipients().stream().map(recipient -> List.of(recipient.code(), recipient.categoryName(),
                recipient.title(), recipient.organisation(), recipient.organisationType(), recipient.country())).toList();
        return CsvExport.attachment("results-" + callId + ".csv",
                List.of("code", "category", "title", "organisation", "organisation_type", "country"), rows);
    }
}
