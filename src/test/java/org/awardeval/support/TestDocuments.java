package org.awardeval.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.awardeval.demo.SampleDocuments;
import org.awardeval.documents.DocumentSlot;
import org.awardeval.documents.Documents;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.submission.SubmissionService.Submission;

/** Files as applicants send them, and as an attacker would: generated, so that each test says what it holds. */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** The demo call's slots: a case report (required), photographs, a video link. */
    public static final List<DocumentSlot> SLOTS = List.of(
            new DocumentSlot("caseReport", "Case report", DocumentSlot.Kind.PDF, true, 1, 10L << 20, 20),
            new DocumentSlot("photographs", "Photographs", DocumentSlot.Kind.IMAGES, false, 5, 5L << 20, null),
            new DocumentSlot("video", "Video", DocumentSlot.Kind.LINK, false, 1, 0, null));

    /** Sends an application with its files, as the API does. */
    public static Submission submit(Documents documents, long callId, ApplicationForm form, List<Documents.Upload> files) {
        return documents.submit(callId, form, files, Map.of()).submission();
    }

    /** A PDF with these lines of text (45 a page) and, when given, an author in its properties. */
    public static byte[] pdf(List<String> lines, String author) {
        return SampleDocuments.pdf(lines, author);
    }

    /** A photograph: a JPEG with EXIF that gives the camera's owner and where it was taken (GPS). */
    public static byte[] jpegWithGps(String artist, double longitude, double latitude) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.fillOval(100, 60, 120, 120);
        g.dispose();
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", plain);
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(longitude, latitude);
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ARTIST, artist);
            ByteArrayOutputStream tagged = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), tagged, exif);
            return tagged.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with a photograph (with GPS) and a caption under it that names the applicant; nothing else on the page. */
    public static byte[] pdfWithCaptionedPhoto(String caption, byte[] jpeg) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject photo = JPEGFactory.createFromByteArray(document, jpeg);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(photo, 56, 500, 320, 240);
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE), 10);
                content.newLineAtOffset(56, 484);
                content.showText(caption);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that opens only with a password. */
    public static byte[] encryptedPdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Map<Integer, byte[]> BOMBS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A PDF of about a megabyte whose one page's content expands to {@code expandedMegabytes} when opened. */
    public static byte[] decompressionBomb(int expandedMegabytes) {
        // Made once per size: compressing half a gigabyte takes seconds.
        return BOMBS.computeIfAbsent(expandedMegabytes, TestDocuments::bomb).clone();
    }

    private static byte[] bomb(int expandedMegabytes) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream stream = document.getDocument().createCOSStream();
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream raw = stream.createRawOutputStream();
                    DeflaterOutputStream deflate = new DeflaterOutputStream(raw, new Deflater(Deflater.DEFAULT_COMPRESSION), 1 << 16)) {
                byte[] spaces = new byte[1 << 20];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < expandedMegabytes; i++) {
                    deflate.write(spaces);
                }
            }
            page.setContents(new PDStream(stream));
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG whose header claims 100,000 by 100,000 pixels: 40 GB once decoded. */
    public static byte[] pngBomb() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 6).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat)) {
            deflate.write(new byte[1 << 16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        png.writeBytes(name);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A Windows program named as if it were a PDF: "MZ", a DOS stub and a PE header. */
    public static byte[] program() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        ByteBuffer.wrap(exe).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x3c, 0x80);
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /** The start of a PDF and nothing that makes it one. */
    public static byte[] damagedPdf() {
        return "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
