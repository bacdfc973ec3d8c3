package org.awardeval.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.awardeval.submission.ApplicationForm;

/** Case reports as applicants send them: a PDF of a few pages made from an application's texts. */
public final class SampleDocuments {

    private SampleDocuments() {
    }

    /**
     * A case report of the application: its title, what the report covers and its outcome figures. {@code naming}
     * adds a closing line with the organisation's name and makes the contact person the PDF's author, as a report
     * written without thinking of anonymity does.
     */
    public static byte[] caseReport(ApplicationForm form, boolean naming) {
        List<String> lines = new ArrayList<>();
        lines.add("Case report: " + form.title());
        lines.add("");
        lines.addAll(wrap("This report describes the case: the need it answered, how it was organised, whom it reached and what "
                + "changed for the educators who took part. Annexes give the course outlines and the evaluation forms.", 90));
        if (form.outcomes() != null) {
            lines.add("");
            lines.addAll(wrap("Outcomes: " + form.outcomes(), 90));
        }
        if (naming) {
            lines.add("");
            lines.add("Prepared by the project team of " + form.organisationName() + ".");
        }
        return pdf(lines, naming ? form.contactName() : null);
    }

    /** A PDF of these lines, 45 to a page, in Helvetica; the author set when given. */
    public static byte[] pdf(List<String> lines, String author) {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (author != null) {
                document.getDocumentInformation().setAuthor(author);
            }
            for (int start = 0; start < Math.max(1, lines.size()); start += 45) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    text.beginText();
                    text.setFont(font, 11);
                    text.setLeading(15);
                    text.newLineAtOffset(56, 780);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + 45))) {
                        text.showText(encodable(font, line));
                        text.newLine();
                    }
                    text.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encodable(PDType1Font font, String line) {
        StringBuilder out = new StringBuilder();
        line.codePoints().forEach(c -> {
            String ch = new String(Character.toChars(c));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String paragraph : text.split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split("\\s+")) {
                if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
