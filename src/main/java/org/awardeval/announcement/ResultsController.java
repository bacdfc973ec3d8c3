package org.awardeval.announcement;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.awardeval.announcement.ResultsService.Recipient;
import org.awardeval.announcement.ResultsService.Results;
import org.springframework.http.HttpHeaders;
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
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("code", "category", "title", "organisation", "organisation_type", "country").get())) {
            for (Recipient recipient : r.recipients()) {
                printer.printRecord(List.of(recipient.code(), recipient.categoryName(), recipient.title(), recipient.organisation(),
                        recipient.organisationType(), recipient.country()).stream().map(ResultsController::safeCell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"results-" + callId + ".csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A cell a spreadsheet would run as a formula is written as text. */
    static String safeCell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
