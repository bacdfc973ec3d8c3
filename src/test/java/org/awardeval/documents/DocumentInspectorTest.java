package org.awardeval.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.awardeval.documents.DocumentInspector.Inspection;
import org.awardeval.documents.IdentityRules.Match;
import org.awardeval.support.TestDocuments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files checked by their content: what passes, what is refused and why, and what judges' copies no longer carry. */
class DocumentInspectorTest {

    static final DocumentSlot REPORT = new DocumentSlot("caseReport", "Case report", DocumentSlot.Kind.PDF, true, 1, 10L << 20, 20);
    static final DocumentSlot PHOTOS = new DocumentSlot("photographs", "Photographs", DocumentSlot.Kind.IMAGES, false, 5, 5L << 20, null);

    @Test
    void aCleanPdfPassesWithItsPagesAndTextAndLosesItsProperties() throws Exception {
        List<String> lines = new ArrayList<>();
        IntStream.range(0, 60).forEach(i -> lines.add("Line " + i + " of a case report about mobile learning."));
        byte[] pdf = TestDocuments.pdf(lines, "Amina Yusuf");

        Inspection inspection = DocumentInspector.inspect(pdf, REPORT);

        assertThat(inspection.mediaType()).isEqualTo("application/pdf");
        assertThat(inspection.pages()).isEqualTo(2);
        assertThat(inspection.text().get(1).text()).contains("Line 45 of a case report");
        assertThat(inspection.properties()).containsEntry("Author", "Amina Yusuf");
        assertThat(inspection.removed()).anyMatch(r -> r.contains("properties"));
        try (PDDocument clean = Loader.loadPDF(inspection.clean())) {
            assertThat(clean.getDocumentInformation().getAuthor()).isNull();
            assertThat(clean.getDocumentCatalog().getMetadata()).isNull();
            assertThat(clean.getNumberOfPages()).isEqualTo(2);
        }
    }

    @Test
    void aPhotographLosesItsLocationAndOwner() throws Exception {
        byte[] photo = TestDocuments.jpegWithGps("Amina Yusuf", 30.06, -1.95);
        assertThat(gps(photo)).isTrue();

        Inspection inspection = DocumentInspector.inspect(photo, PHOTOS);

        assertThat(inspection.mediaType()).isEqualTo("image/jpeg");
        assertThat(inspection.removed()).anyMatch(r -> r.contains("location"));
        assertThat(gps(inspection.clean())).isFalse();
        assertThat(new String(inspection.clean(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Amina Yusuf");
        assertThat(Imaging.getImageInfo(inspection.clean()).getWidth()).isEqualTo(320);
    }

    @Test
    void aPhotographInsideAPdfLosesItsLocationTooAndItsCaptionIsText() throws Exception {
        byte[] pdf = TestDocuments.pdfWithCaptionedPhoto("Students of Kigali Digital University at the launch",
                TestDocuments.jpegWithGps("Amina Yusuf", 30.06, -1.95));

        Inspection inspection = DocumentInspector.inspect(pdf, REPORT);

        assertThat(inspection.text().get(0).text()).contains("Kigali Digital University");
        try (PDDocument clean = Loader.loadPDF(inspection.clean())) {
            var resources = clean.getPage(0).getResources();
            COSName name = resources.getXObjectNames().iterator().next();
            PDImageXObject image = (PDImageXObject) resources.getXObject(name);
            try (InputStream raw = image.getCOSObject().createRawInputStream()) {
                assertThat(gps(raw.readAllBytes())).isFalse();
            }
        }
    }

    @Test
    void aProgramNamedPdfIsRefusedByItsContent() {
        assertThatThrownBy(() -> DocumentInspector.inspect(TestDocuments.program(), REPORT))
                .isInstanceOf(DocumentInspector.Refused.class).hasMessageContaining("not a PDF").hasMessageContaining("a program");
        assertThatThrownBy(() -> DocumentInspector.inspect(TestDocuments.program(), PHOTOS))
                .isInstanceOf(DocumentInspector.Refused.class).hasMessageContaining("not a JPEG or PNG");
    }

    @Test
    void anEncryptedPdfIsRefused() {
        assertThatThrownBy(() -> DocumentInspector.inspect(TestDocuments.encryptedPdf(), REPORT))
                .isInstanceOf(DocumentInspector.Refused.class).hasMessageContaining("protected");
    }

    @Test
    void aDamagedPdfIsRefused() {
        assertThatThrownBy(() -> DocumentInspector.inspect(TestDocuments.damagedPdf(), REPORT))
                .isInstanceOf(DocumentInspector.Refused.class).hasMessageContaining("cannot be read");
    }

    @Test
    void aDecompressionBombIsRefusedBeforeItIsRead() {
        byte[] bomb = TestDocuments.decompressionBomb(520);
        assertThat(bomb.length).isLessThan(2 << 20);
        assertThatThrownBy(() -> DocumentInspector.inspect(bomb, REPORT))
                .isInstanceOf(DocumentInspector.Refused.class).hasMessageContaining("bomb");
    }

    @Test
    void anImageClaimingBillionsOfPixelsIsRefusedBeforeItIsDecoded() {
        assertThatThrownBy(() -> DocumentInspector.inspect(TestDocuments.pngBomb(), PHOTOS))
                .isInstanceOf(DocumentInspector.Refused.class).hasMessageContaining("10,000,000,000 pixels");
    }

    @Test
    void pagesAndSizeAreLimitedPerSlot() {
        List<String> lines = IntStream.range(0, 45 * 21).mapToObj(i -> "line " + i).toList();
        assertThatThrownBy(() -> DocumentInspector.inspect(TestDocuments.pdf(lines, null), REPORT))
                .isInstanceOf(DocumentInspector.Refused.class).hasMessage("the PDF has 21 pages; at most 20 are taken");
        DocumentSlot small = new DocumentSlot("caseReport", "Case report", DocumentSlot.Kind.PDF, true, 1, 2048, null);
        assertThatThrownBy(() -> DocumentInspector.inspect(TestDocuments.pdf(lines, null), small))
                .isInstanceOf(DocumentInspector.Refused.class).hasMessageContaining("at most 2 KB are taken");
        assertThatThrownBy(() -> DocumentInspector.inspect(new byte[0], REPORT))
                .isInstanceOf(DocumentInspector.Refused.class).hasMessage("the file is empty");
    }

    @Test
    void findingsSayWhereOnWhichPageAndLine() {
        IdentityRules.Finder finder = text -> {
            List<Match> matches = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Kigali\\s+Digital\\s+University").matcher(text);
            while (m.find()) {
                matches.add(new Match("the organisation's name", m.group()));
            }
            return matches;
        };
        List<Finding> findings = Documents.find(finder, "Kigali_Digital_University report.pdf", null, List.of(
                new DocumentInspector.PageText(1, "Summary\nNothing here\n"),
                new DocumentInspector.PageText(2, "First line\nSecond line\nwritten at Kigali Digital\nUniversity in 2024\n")));

        assertThat(findings).extracting(Finding::describe).containsExactly(
                "the file name: the organisation's name (\u201cKigali Digital University\u201d), removed from the judges' copy",
                "page 2, line 3: the organisation's name (\u201cKigali Digital University\u201d)");
    }

    private static boolean gps(byte[] jpeg) throws IOException {
        ImageMetadata metadata = Imaging.getMetadata(jpeg);
        return metadata instanceof JpegImageMetadata jpegMetadata && jpegMetadata.getExif() != null
                && jpegMetadata.getExif().getGpsInfo() != null;
    }
}
