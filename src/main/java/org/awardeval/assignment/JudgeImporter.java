package org.awardeval.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.awardeval.assignment.JudgeService.JudgeRegistration;
import org.awardeval.web.CsvTable;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports judges from CSV, each row through the same checks as the API and in a transaction of its own. A judge
 * already registered under the user id is updated; importing the same file twice changes nothing.
 */
@Component
class JudgeImporter {

    public static final List<String> COLUMNS = List.of("user_id", "first_name", "last_name", "email", "gender", "country", "region",
            "affiliation", "max_load", "expertise", "conflicts");
    public static final int MAX_ROWS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(JudgeImporter.class);

    public enum RowStatus { REGISTERED, UPDATED, REJECTED }

    public record RowResult(long row, RowStatus status, String userId, List<FieldError> errors) {
    }

    public record Report(int rows, long registered, long updated, long rejected, List<RowResult> results) {
    }

    private final JudgeService judges;
    private final JudgeRepository repository;

    JudgeImporter(JudgeService judges, JudgeRepository repository) {
        this.judges = judges;
        this.repository = repository;
    }

    public Report importCsv(byte[] body) {
        CsvTable table = CsvTable.read(body, COLUMNS, MAX_ROWS);
        List<RowResult> results = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            results.add(importRow(row));
        }
        Report report = new Report(results.size(), count(results, RowStatus.REGISTERED), count(results, RowStatus.UPDATED),
                count(results, RowStatus.REJECTED), results);
        LOG.info("Judge import: {} rows, {} registered, {} updated, {} rejected", report.rows(), report.registered(), report.updated(),
                report.rejected());
        return report;
    }

    private RowResult importRow(CsvTable.Row row) {
        String userId = row.get("user_id");
        if (!row.complete()) {
            return new RowResult(row.number(), RowStatus.REJECTED, userId,
                    List.of(new FieldError("row", "has " + row.size() + " values; the header has more columns")));
        }
        Integer maxLoad = null;
        String load = row.get("max_load");
        if (load != null && !load.isEmpty()) {
            try {
                maxLoad = Integer.valueOf(load);
            } catch (NumberFormatException e) {
                return new RowResult(row.number(), RowStatus.REJECTED, userId,
                        List.of(new FieldError("max_load", "'" + load + "' is not a whole number")));
            }
        }
        boolean known = userId != null && repository.findIdByUserId(userId).isPresent();
        try {
            judges.register(new JudgeRegistration(userId, row.get("password"), row.get("first_name"), row.get("last_name"),
                    row.get("email"), blankToNull(row.get("gender")), row.get("country"), blankToNull(row.get("region")),
                    row.get("affiliation"), maxLoad, list(row.get("expertise")), list(row.get("conflicts"))));
            return new RowResult(row.number(), known ? RowStatus.UPDATED : RowStatus.REGISTERED, userId, List.of());
        } catch (ValidationException e) {
            return new RowResult(row.number(), RowStatus.REJECTED, userId, e.errors().stream().map(JudgeImporter::column).toList());
        }
    }

    /** Several values in one cell are separated by semicolons. */
    private static List<String> list(String cell) {
        return cell == null || cell.isBlank() ? List.of() : Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static FieldError column(FieldError error) {
        String field = error.field()
                .replace("userId", "user_id").replace("firstName", "first_name").replace("lastName", "last_name")
                .replace("maxLoad", "max_load");
        return new FieldError(field, error.message());
    }

    private static long count(List<RowResult> results, RowStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
