package org.awardeval.submission;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.awardeval.submission.SubmissionService.Submission;
import org.awardeval.system.ValidationException;
import org.awardeval.system.ValidationException.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports applications from CSV. The whole file is read and checked for structure first; then each row is submitted
 * through the same validation as every other channel, in a transaction of its own. Re-importing a file creates
 * nothing new: rows already imported are reported with their reference.
 */
@Component
public class CsvImporter {

    public static final List<String> COLUMNS = List.of("organisation", "organisation_type", "country", "category", "contact_name",
            "contact_email", "title", "summary", "description", "educators_reached", "consent", "submitted_at");
    public static final int MAX_ROWS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(CsvImporter.class);

    private final SubmissionService submissions;

    public CsvImporter(SubmissionService submissions) {
        this.submissions = submissions;
    }

    public enum RowStatus { ACCEPTED, ALREADY_IMPORTED, REJECTED }

    public record RowResult(long row, RowStatus status, String reference, List<FieldError> errors, Map<String, String> extraFacts) {
    }

    public record Report(int rows, long accepted, long alreadyImported, long rejected, List<String> extraColumns,
            List<RowResult> results) {
    }

    public Report importCsv(long callId, byte[] body) {
        String text = decode(body);
        List<CSVRecord> records;
        List<String> header;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            if (missing.isEmpty() && header.isEmpty()) {
                throw invalid("header", "the file is empty");
            }
            if (!missing.isEmpty()) {
                throw invalid("header", "missing column(s) " + missing + "; the columns are " + COLUMNS);
            }
            records = parser.getRecords();
        } catch (UncheckedIOException | IOException e) {
            throw invalid("body", "is not valid CSV: " + rootMessage(e));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid("header", "is not valid: " + rootMessage(e));
        }
        if (records.size() > MAX_ROWS) {
            throw invalid("body", "has " + records.size() + " rows; at most " + MAX_ROWS + " are imported at once");
        }
        List<String> extraColumns = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
        List<RowResult> results = new ArrayList<>();
        for (CSVRecord record : records) {
            results.add(importRow(callId, record, header, extraColumns));
        }
        Report report = new Report(records.size(), count(results, RowStatus.ACCEPTED), count(results, RowStatus.ALREADY_IMPORTED),
                count(results, RowStatus.REJECTED), extraColumns, results);
        LOG.info("CSV import into call {}: {} rows, {} accepted, {} already imported, {} rejected", callId, report.rows(),
                report.accepted(), report.alreadyImported(), report.rejected());
        return report;
    }

    private RowResult importRow(long callId, CSVRecord record, List<String> header, List<String> extraColumns) {
        long row = record.getRecordNumber() + 1;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            values.putIfAbsent(header.get(i), record.get(i));
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extraColumns.forEach(column -> {
            String value = values.get(column);
            if (value != null && !value.isEmpty()) {
                extra.put(column, value);
            }
        });
        if (!record.isConsistent()) {
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
            Submission submission = submissions.submit(callId, form);
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

    private static String decode(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw invalid("body", "is not valid UTF-8");
        }
    }

    private static long count(List<RowResult> results, RowStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
