package org.awardeval.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.awardeval.anonymisation.IdentityCheck;
import org.awardeval.support.BenchOptions;

/**
 * The document check benchmark: bench/documents.sh [--runs 5] [--megabytes 10] [--pages 20]. Makes a case report of
 * that size (a photograph and 40 lines of text a page), then times what an upload costs: the type from the bytes,
 * the PDF opened and checked for bombs, its text read page by page and searched for the applicant, its judges' copy
 * made. Prints one JSON line. Figures: docs/BENCHMARKS.md.
 */
public final class DocumentBenchmark {

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args);
        int runs = options.get("runs", 5);
        int megabytes = options.get("megabytes", 10);
        int pages = options.get("pages", 20);
        byte[] pdf = report(pages, megabytes * 1024L * 1024L);
        DocumentSlot slot = new DocumentSlot("caseReport", "Case report", DocumentSlot.Kind.PDF, true, 1, 25L << 20, pages);
        IdentityRules.Finder finder = IdentityCheck.finder(new IdentityRules.Applicant("Lakeside University of Technology", "Amina Mensah",
                "amina@lakeside.edu.gh", "Ministry of Education; Ghana Telecom", Map.of()));
        long[] millis = new long[runs + 1];
        long[] searching = new long[runs + 1];
        int findings = 0;
        for (int run = 0; run <= runs; run++) {
            long start = System.nanoTime();
            DocumentInspector.Inspection inspection = DocumentInspector.inspect(pdf, slot);
            long search = System.nanoTime();
            findings = Documents.find(finder, "report.pdf", null, inspection.text()).size();
            searching[run] = (System.nanoTime() - search) / 1_000;
            Documents.sha256(pdf);
            Documents.sha256(inspection.clean());
            millis[run] = (System.nanoTime() - start) / 1_000_000;
        }
        // The first run warms the JVM up and is reported apart.
        long[] measured = Arrays.copyOfRange(millis, 1, millis.length);
        Arrays.sort(measured);
        long[] searched = Arrays.copyOfRange(searching, 1, searching.length);
        Arrays.sort(searched);
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
        System.out.printf("{\"bytes\": %d, \"pages\": %d, \"findings\": %d, \"first_ms\": %d, \"median_ms\": %d, \"max_ms\": %d, "
                + "\"search_median_ms\": %.1f, \"peak_heap_mb\": %d}%n", pdf.length, pages, findings, millis[0], measured[measured.length / 2],
                measured[measured.length - 1], searched[searched.length / 2] / 1000.0, peak >> 20);
    }

    /** A PDF of this many pages and about this size: on each page a photograph (noise, which JPEG cannot shrink) and text. */
    static byte[] report(int pages, long bytes) throws IOException {
        Random random = new Random(42);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            long perPage = bytes / pages;
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(JPEGFactory.createFromByteArray(document, photo(random, perPage)), 56, 420, 480, 360);
                    content.beginText();
                    content.setFont(font, 9);
                    content.setLeading(9.5f);
                    content.newLineAtOffset(56, 400);
                    for (int line = 0; line < 40; line++) {
                        // Every fifth page names the applicant once, as drafts often do.
                        content.showText(p % 5 == 4 && line == 20 ? "Written by the e-learning unit of Lakeside University of Technology."
                                : "Page " + (p + 1) + ", line " + (line + 1) + ": teachers in three regions took part in "
                                + "online courses, with mentors and weekly circles.");
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A photograph of noise, which JPEG cannot shrink: about this many bytes. */
    public static byte[] photo(Random random, long bytes) throws IOException {
        int side = (int) Math.sqrt(bytes / 0.45);
        BufferedImage image = new BufferedImage(side, side * 3 / 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        return jpeg.toByteArray();
    }

    private DocumentBenchmark() {
    }
}
