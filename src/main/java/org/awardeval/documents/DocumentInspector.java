package org.awardeval.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.Tika;

/**
 * Checks a file against its slot and makes the copy judges get. The type comes from the bytes (Tika), never from the
 * name or the declared type. A PDF must open without a password, stay within its pages and expand to a sane size
 * (no decompression bomb); its text is read page by page. Images must decode within a pixel limit. The copy for
 * judges has no metadata: the PDF's properties, XMP, attachments, scripts and annotations are removed and the
 * EXIF, XMP and IPTC of its JPEG images as well; a JPEG loses its EXIF (GPS included), XMP and IPTC, a PNG is drawn
 * again without its text chunks.
 */
final class DocumentInspector {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final Set<String> IMAGE_TYPES = Set.of(JPEG, PNG);

    /** What all streams of a PDF may expand to; a legitimate report of 20 pages stays far below. */
    static final long MAX_EXPANDED_BYTES = 512L * 1024 * 1024;
    /** The pixels an image may have: 60 megapixels is more than any camera a case report needs. */
    static final long MAX_PIXELS = 60_000_000L;

    /** Why a file is refused, in the applicant's words: in English, and as a code of the applicants' messages with arguments. */
    static final class Refused extends Exception {
        private final String code;
        private final transient List<Object> args;

        Refused(String reason, String code, Object... args) {
            super(reason, null, false, false);
            this.code = code;
            this.args = List.of(args);
        }

        String code() {
            return code;
        }

        List<Object> args() {
            return args;
        }
    }

    /** A page's text, as extracted. */
    record PageText(int page, String text) {
    }

    /** What the check found: the type, the pages, the text, the properties it removed, and the clean copy. */
    record Inspection(String mediaType, Integer pages, List<PageText> text, Map<String, String> properties, List<String> removed,
            byte[] clean) {
    }

    private static final Tika TIKA = new Tika();

    private DocumentInspector() {
    }

    /** The type of the bytes, as Tika finds it from their content. */
    static String detect(byte[] bytes) {
        String type = TIKA.detect(bytes);
        return type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type;
    }

    static Inspection inspect(byte[] bytes, DocumentSlot slot) throws Refused {
        if (bytes.length == 0) {
            throw new Refused("the file is empty", "empty");
        }
        if (bytes.length > slot.maxBytes()) {
            throw new Refused("the file has " + DocumentSlot.size(bytes.length) + "; at most " + DocumentSlot.size(slot.maxBytes())
                    + " are taken", "tooLarge", DocumentSlot.sized(bytes.length), DocumentSlot.sized(slot.maxBytes()));
        }
        String type = detect(bytes);
        if (slot.kind() == DocumentSlot.Kind.PDF) {
            if (!PDF.equals(type)) {
                throw new Refused("the file is not a PDF (its content is " + describe(type) + "); save it as PDF and upload it again", "notPdf",
                        typeName(type));
            }
            return pdf(bytes, slot);
        }
        if (slot.kind() == DocumentSlot.Kind.IMAGES) {
            if (!IMAGE_TYPES.contains(type)) {
                throw new Refused("the file is not a JPEG or PNG image (its content is " + describe(type) + ")", "notImage", typeName(type));
            }
            return image(bytes, type);
        }
        throw new Refused("takes a link, not a file", "linkNotFile");
    }

    /** The kind of content in the reader's language where it has a name there, else its media type. */
    private static Object typeName(String type) {
        String described = describe(type);
        return described.equals(type) ? type
                : new DefaultMessageSourceResolvable(new String[] {"doc.type." + type.replaceAll("[^a-z]", "")}, described);
    }

    private static String describe(String type) {
        return switch (type) {
            case "application/x-msdownload", "application/x-dosexec", "application/x-executable", "application/x-elf",
                    "application/x-mach-o-executable", "application/x-sharedlib" -> "a program";
            case "application/zip" -> "a ZIP archive";
            case "text/plain" -> "plain text";
            case "application/octet-stream" -> "of no known type";
            default -> type;
        };
    }

    private static Inspection pdf(byte[] bytes, DocumentSlot slot) throws Refused {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted()) {
                throw new Refused("the PDF is protected (encrypted); save it without protection and upload it again", "protected");
            }
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new Refused("the PDF has no pages", "noPages");
            }
            if (slot.maxPages() != null && pages > slot.maxPages()) {
                throw new Refused("the PDF has " + pages + " pages; at most " + slot.maxPages() + " are taken", "tooManyPages", pages,
                        slot.maxPages());
            }
            checkExpansion(document);
            Map<String, String> properties = properties(document);
            List<PageText> text = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            // Text drawn twice in one place (fake bold) is searched twice, which finds the same names; looking for such
            // overlaps was a third of the text's extraction (docs/BENCHMARKS.md).
            stripper.setSuppressDuplicateOverlappingText(false);
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                text.add(new PageText(page, stripper.getText(document)));
            }
            List<String> removed = clean(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            document.save(out);
            return new Inspection(PDF, pages, text, properties, removed, out.toByteArray());
        } catch (InvalidPasswordException e) {
            throw new Refused("the PDF is protected by a password; save it without protection and upload it again", "protected");
        } catch (IOException | RuntimeException e) {
            throw new Refused("the PDF cannot be read; it may be damaged (save or export it again)", "damagedPdf");
        }
    }

    /** Reads every compressed stream as far as the limit; image codecs' streams are counted as they are stored. */
    private static void checkExpansion(PDDocument document) throws Refused, IOException {
        long total = 0;
        for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            if (object == null || !(object.getObject() instanceof COSStream stream)) {
                continue;
            }
            boolean imageCodec = hasFilter(stream, COSName.DCT_DECODE) || hasFilter(stream, COSName.JPX_DECODE)
                    || hasFilter(stream, COSName.JBIG2_DECODE) || hasFilter(stream, COSName.CCITTFAX_DECODE);
            if (imageCodec) {
                long pixels = (long) stream.getInt(COSName.WIDTH, 0) * stream.getInt(COSName.HEIGHT, 0);
                if (pixels > MAX_PIXELS) {
                    throw new Refused("the PDF holds an image of " + String.format(Locale.ENGLISH, "%,d", pixels)
                            + " pixels; it cannot be taken", "pdfImageTooLarge", pixels);
                }
                total += stream.getLength();
                continue;
            }
            Counter counter = new Counter(MAX_EXPANDED_BYTES - total);
            try {
                if (stream.getFilters() instanceof COSName single) {
                    // Decoded as a stream into the counter: nothing of it is held in memory.
                    try (InputStream raw = stream.createRawInputStream()) {
                        FilterFactory.INSTANCE.getFilter(single).decode(raw, counter, stream, 0);
                    }
                } else {
                    try (InputStream in = stream.createInputStream()) {
                        in.transferTo(counter);
                    }
                }
            } catch (Counter.Exceeded e) {
                throw new Refused("the PDF expands to more than " + DocumentSlot.size(MAX_EXPANDED_BYTES)
                        + " when opened (a compressed 'bomb'); it cannot be taken", "bomb", DocumentSlot.sized(MAX_EXPANDED_BYTES));
            }
            total += counter.count;
        }
    }

    /** Counts what is written and stops at a limit. */
    private static final class Counter extends OutputStream {

        static final class Exceeded extends IOException {
            Exceeded() {
                super("limit exceeded", null);
            }
        }

        private final long limit;
        long count;

        Counter(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(null, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            if (count > limit) {
                throw new Exceeded();
            }
        }
    }

    private static boolean hasFilter(COSStream stream, COSName filter) {
        COSBase filters = stream.getFilters();
        return filter.equals(filters) || filters instanceof COSArray array && array.toList().contains(filter);
    }

    private static Map<String, String> properties(PDDocument document) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        PDDocumentInformation info = document.getDocumentInformation();
        for (String key : info.getMetadataKeys()) {
            String value = info.getCustomMetadataValue(key);
            if (value != null && !value.isBlank()) {
                properties.put(key, value);
            }
        }
        PDMetadata xmp = document.getDocumentCatalog().getMetadata();
        if (xmp != null) {
            try (InputStream in = xmp.exportXMPMetadata()) {
                properties.put("XMP", new String(in.readNBytes(200_000), StandardCharsets.UTF_8));
            }
        }
        return properties;
    }

    /** Removes what travels with a PDF besides its pages; names what it removed. */
    private static List<String> clean(PDDocument document) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!document.getDocumentInformation().getMetadataKeys().isEmpty()) {
            removed.add("document properties (author, creator, producer...)");
        }
        document.setDocumentInformation(new PDDocumentInformation());
        document.getDocument().getTrailer().removeItem(COSName.INFO);
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        if (catalog.containsKey(COSName.METADATA)) {
            removed.add("XMP metadata");
        }
        for (COSName name : List.of(COSName.METADATA, COSName.OPEN_ACTION, COSName.AA, COSName.PIECE_INFO)) {
            catalog.removeItem(name);
        }
        if (catalog.getCOSDictionary(COSName.NAMES) != null) {
            COSDictionary names = catalog.getCOSDictionary(COSName.NAMES);
            if (names.containsKey(COSName.EMBEDDED_FILES)) {
                removed.add("attached files");
            }
            names.removeItem(COSName.EMBEDDED_FILES);
            names.removeItem(COSName.JAVA_SCRIPT);
        }
        boolean annotations = false;
        for (PDPage page : document.getPages()) {
            annotations |= page.getCOSObject().containsKey(COSName.ANNOTS);
            page.getCOSObject().removeItem(COSName.ANNOTS);
            page.getCOSObject().removeItem(COSName.METADATA);
            page.getCOSObject().removeItem(COSName.PIECE_INFO);
        }
        if (annotations) {
            removed.add("comments, links and form fields");
        }
        boolean images = false;
        for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            if (object != null && object.getObject() instanceof COSDictionary dictionary) {
                dictionary.removeItem(COSName.METADATA);
                dictionary.removeItem(COSName.PIECE_INFO);
                if (dictionary instanceof COSStream stream && hasFilter(stream, COSName.DCT_DECODE)
                        && stream.getFilters() instanceof COSName) {
                    images |= stripJpeg(stream);
                }
            }
        }
        if (images) {
            removed.add("camera details and locations of its photographs");
        }
        return removed;
    }

    /** Rewrites a JPEG image stream without its EXIF, XMP and IPTC, losslessly; true when it had any. */
    private static boolean stripJpeg(COSStream stream) throws IOException {
        byte[] jpeg;
        try (InputStream in = stream.createRawInputStream()) {
            jpeg = in.readAllBytes();
        }
        byte[] stripped = stripJpeg(jpeg);
        if (stripped.length == jpeg.length) {
            return false;
        }
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(stripped);
        }
        return true;
    }

    static byte[] stripJpeg(byte[] jpeg) throws IOException {
        try {
            ByteArrayOutputStream noExif = new ByteArrayOutputStream(jpeg.length);
            new ExifRewriter().removeExifMetadata(jpeg, noExif);
            ByteArrayOutputStream noXmp = new ByteArrayOutputStream(jpeg.length);
            new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), noXmp);
            ByteArrayOutputStream noIptc = new ByteArrayOutputStream(jpeg.length);
            new JpegIptcRewriter().removeIptc(noXmp.toByteArray(), noIptc);
            return noIptc.toByteArray();
        } catch (ImagingException e) {
            throw new IOException(e);
        }
    }

    private static Inspection image(byte[] bytes, String type) throws Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Refused("the image cannot be read; it may be damaged", "damagedImage");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new Refused("the image has " + String.format(Locale.ENGLISH, "%,d", pixels) + " pixels; at most "
                            + String.format(Locale.ENGLISH, "%,d", MAX_PIXELS) + " are taken", "tooManyPixels", pixels, MAX_PIXELS);
                }
                // A JPEG is kept as it came (less its metadata): it is decoded at a sixteenth of its pixels, to see that it
                // decodes at all without holding all of them. A PNG is drawn again, so it is read whole.
                ImageReadParam param = reader.getDefaultReadParam();
                if (JPEG.equals(type)) {
                    param.setSourceSubsampling(4, 4, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                byte[] clean;
                List<String> removed = new ArrayList<>();
                if (JPEG.equals(type)) {
                    clean = stripJpeg(bytes);
                    if (clean.length != bytes.length) {
                        removed.add("camera details and location (EXIF, XMP, IPTC)");
                    }
                } else {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
                    ImageIO.write(image, "png", out);
                    clean = out.toByteArray();
                    removed.add("any text stored in the image file");
                }
                return new Inspection(type, null, List.of(), Map.of(), removed, clean);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused("the image cannot be read; it may be damaged", "damagedImage");
        }
    }
}
