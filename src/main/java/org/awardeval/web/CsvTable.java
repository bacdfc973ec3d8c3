package org.awardeval.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.awardeval.web.ValidationException.FieldError;

/**
 * An uploaded CSV file, read whole and checked for structure before any row is used: UTF-8 (a byte order mark is
 * allowed), a header with the required columns (any case), correct quoting, a bounded number of rows.
 */
public record CsvTable(List<String> header, List<Row> rows) {

    /** One data row: its line number as a spreadsheet shows it, its values by column, and whether it has every column. */
    public record Row(long number, Map<String, String> values, boolean complete, int size) {
        public String get(String column) {
            return values.get(column);
        }
    }

    public static CsvTable read(byte[] body, List<String> requiredColumns, int maxRows) {
        String text = decode(body);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<String> header;
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            List<String> missing = requiredColumns.stream().filter(c -> !header.contains(c)).toList();
            if (missing.isEmpty() && header.isEmpty()) {
                throw invalid("header", "the file is empty");
            }
            if (!missing.isEmpty()) {
                throw invalid("header", "missing column(s) " + missing + "; the columns are " + requiredColumns);
            }
            records = parser.getRecords();
        } catch (UncheckedIOException | IOException e) {
            throw invalid("body", "is not valid CSV: " + rootMessage(e));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid("header", "is not valid: " + rootMessage(e));
        }
        if (records.size() > maxRows) {
            throw invalid("body", "has " + records.size() + " rows; at most " + maxRows + " are imported at once");
        }
        List<Row> rows = records.stream().map(record -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < record.size(); i++) {
                values.putIfAbsent(header.get(i), record.get(i));
            }
            return new Row(record.getRecordNumber() + 1, values, record.isConsistent(), record.size());
        }).toList();
        return new CsvTable(header, rows);
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
