package org.awardeval.submission;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awardeval.submission.SubmissionService.Submission;
import org.awardeval.web.CsvTable;
import org.awardeval.web.ValidationException.FieldError;
import org.awardeval.web.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports applications the award received elsewhere, from CSV. The whole file is read and checked for structure first;
 * then each row is recorded through the same validation as every other channel ({@link SubmissionService#record}), in a
 * transaction of its own: a late row or one in a category the call does not have is kept, for the rules to declare
 * ineligible. Re-importing a file creates
 * nothing new: rows already imported are reported with their reference.
 */
@Component
class CsvImporter {

    public static final List<String> COLUMNS = List.of("organisation", "organisation_type", "country", "category", "contact_name",
            "contact_email", "title", "summary", "description", "educators_reached", "consent", "submitted_at");
    public static final int MAX_ROWS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(CsvImporter.class);

    private final SubmissionService submissions;

    CsvImporter(SubmissionService submissions) {
        this.submissions = submissions;
    }

    public enum RowStatus { ACCEPTED, ALREADY_IMPORTED, REJECTED }

    public record RowResult(long row, RowStatus status, String reference, List<FieldError> errors, Map<String, String> extraFacts) {
    }

    public record Report(int rows, long accepted, long alreadyImported, long rejected, List<String> extraColumns,
            List<RowResult> results) {
    }

    public Report importCsv(long callId, byte[] body) {
        CsvTable table = CsvTable.read(body, COLUMNS, MAX_ROWS);
        List<String> extraColumns = table.header().stream().filter(h -> !COLUMNS.contains(h)).toList();
        List<RowResult> results = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            results.add(importRow(callId, row, table.header(), extraColumns));
        }
        Report report = new Report(table.rows().size(), count(results, RowStatus.ACCEPTED), count(results, RowStatus.ALREADY_IMPORTED),
                count(results, RowStatus.REJECTED), extraColumns, results);
        LOG.info("CSV import into call {}: {} rows, {} accepted, {} already imported, {} rejected", callId, report.rows(),
                report.accepted(), report.alreadyImported(), report.rejected());
        return report;
    }

    private RowResult importRow(long callId, CsvTable.Row record, List<String> header, List<String> extraColumns) {
        long row = record.number();
        Map<String, String> values = record.values();
        Map<String, String> extra = new LinkedHashMap<>();
        extraColumns.forEach(column -> {
            String value = values.get(column);
            if (value != null && !value.isEmpty()) {
                extra.put(column, value);
            }
        });
        if (!record.complete()) {
            return new RowResult(row, RowStatus.REJECTED, null, List.of(new FieldError("row",
                    "has " + record.size() + " values for " + header.size() + " columns")), extra);
        }
        List<FieldError> errors = new ArrayList<>();
        Integer educators = null;
        String educatorsText = values.get("educators_reached");
        if (educatorsText != null && !educatorsText.isEmpty()) {
            try {
                educators = Integer.valueOf(educatorsText.replace(",", "").replace("_", ""));
            } catch (NumberFormatException e) {
                errors.add(new FieldError("educators_reached", "'" + educatorsText + "' is not a whole number"));
            }
        }
        Boolean consent = switch (values.getOrDefault("consent", "").toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0", "" -> false;
            default -> {
                errors.add(new FieldError("consent", "'" + values.get("consent") + "' is not yes or no"));
                yield null;
            }
        };
        OffsetDateTime submittedAt = null;
        String submittedText = values.get("submitted_at");
        if (submittedText != null && !submittedText.isEmpty()) {
            try {
                submittedAt = OffsetDateTime.parse(submittedText);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("submitted_at", "'" + submittedText
                        + "' is not a date and time with a time zone, e.g. 2025-06-30T17:00:00+08:00"));
            }
        }
        if (!errors.isEmpty()) {
            return new RowResult(row, RowStatus.REJECTED, null, errors, extra);
        }
        ApplicationForm form = new ApplicationForm(values.get("organisation"), values.get("organisation_type"), values.get("country"),
                values.get("category"), values.get("contact_name"), values.get("contact_email"), values.get("title"),
                values.get("summary"), values.get("description"), educators, null, null, consent, submittedAt, extra);
        try {
            Submission submission = submissions.record(callId, form);
            return new RowResult(row, submission.alreadySubmitted() ? RowStatus.ALREADY_IMPORTED : RowStatus.ACCEPTED,
                    submission.code(), List.of(), extra);
        } catch (ValidationException e) {
            return new RowResult(row, RowStatus.REJECTED, null, e.errors().stream().map(CsvImporter::columnName).toList(), extra);
        }
    }

    /** Errors name the CSV column the row came from, not the form field. */
    private static FieldError columnName(FieldError error) {
        String column = switch (error.field()) {
            case "organisationName" -> "organisation";
            case "organisationType" -> "organisation_type";
            case "categoryCode" -> "category";
            case "contactName" -> "contact_name";
            case "contactEmail" -> "contact_email";
            case "educatorsReached" -> "educators_reached";
            case "submittedAt" -> "submitted_at";
            default -> error.field();
        };
        return new FieldError(column, error.message());
    }

    private static long count(List<RowResult> results, RowStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
