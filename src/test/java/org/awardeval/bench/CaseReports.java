package org.awardeval.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.awardeval.documents.DocumentBenchmark;

/**
 * Applicants' case reports of about 1 MB: four pages of text and two photographs. Made once with a line left blank in an
 * uncompressed stream; each applicant's copy writes its own line there, of the same length, so that making thousands
 * costs the benchmark a copy of the bytes and not a PDF library's work.
 */
final class CaseReports {

    private static final int LINE = 90;
    private static final byte[] PLACEHOLDER = "#".repeat(LINE).getBytes(StandardCharsets.US_ASCII);

    private final byte[] template;
    private final int at;

    CaseReports() throws IOException {
        template = template();
        at = indexOf(template, PLACEHOLDER);
        if (at < 0 || indexOf(template, PLACEHOLDER, at + 1) >= 0) {
            throw new IllegalStateException("The report's placeholder must appear once");
        }
    }

    int size() {
        return template.length;
    }

    /** A report whose first page carries this line (ASCII, as the standard font writes it), cut or padded to one length. */
    byte[] with(String line) {
        byte[] report = template.clone();
        String ascii = line.replaceAll("[^ -~]", "?").replace("\\", "/").replace("(", "[").replace(")", "]");
        byte[] text = String.format("%-" + LINE + "." + LINE + "s", ascii).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, report, at, LINE);
        return report;
    }

    private static byte[] template() throws IOException {
        Random random = new Random(5);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 0; p < 4; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    if (p < 2) {
                        content.drawImage(JPEGFactory.createFromByteArray(document, DocumentBenchmark.photo(random, 480_000)), 56, 470, 480, 320);
                    }
                    content.beginText();
                    content.setFont(font, 9);
                    content.setLeading(11f);
                    content.newLineAtOffset(56, p < 2 ? 450 : 780);
                    for (int line = 0; line < (p < 2 ? 36 : 64); line++) {
                        content.showText(p == 0 && line == 0 ? new String(PLACEHOLDER, StandardCharsets.US_ASCII)
                                : "Page " + (p + 1) + ", line " + (line + 1) + ": lecturers in three regions took part in online "
                                + "courses, with mentors and weekly practice circles.");
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        return indexOf(bytes, part, 0);
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
