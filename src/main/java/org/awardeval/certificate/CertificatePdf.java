package org.awardeval.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.certificate.Certificate.Kind;
import org.awardeval.web.Languages;
import org.awardeval.web.Messages;
import org.awardeval.web.Moments;
import org.awardeval.web.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * A certificate as a one-page PDF in its holder's language: what it certifies, when, and the address (with its QR code)
 * where anyone can check it. The bundled DejaVu Sans writes Latin, Cyrillic and Arabic (shaped, right to left),
 * WenQuanYi Micro Hei Chinese; only the glyphs used are embedded.
 */
@Component
class CertificatePdf {

    private static final float MARGIN = 60;

    private final Messages messages;
    private final CallRepository calls;
    private final PublicLinks links;
    private final Certificates certificates;
    private final byte[] font;
    private final byte[] chinese;

    CertificatePdf(Messages messages, CallRepository calls, PublicLinks links, Certificates certificates) {
        this.messages = messages;
        this.calls = calls;
        this.links = links;
        this.certificates = certificates;
        this.font = resource("/fonts/DejaVuSans.ttf");
        this.chinese = resource("/fonts/WenQuanYiMicroHei.ttc");
    }

    private static byte[] resource(String name) {
        try (InputStream in = CertificatePdf.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The language a certificate is written in: its holder's, English for any other. */
    static String language(String language) {
        return Languages.supported(language) ? language : Languages.ENGLISH;
    }

    byte[] render(Certificate certificate) {
        String language = language(certificate.language());
        Locale locale = Languages.locale(language);
        AwardCall call = calls.get(certificate.callId());
        String callName = calls.texts(call.id(), language).name().text();
        String url = links.to(certificates.path(certificate));
        String title;
        String body;
        if (certificate.kind() == Kind.RECIPIENT) {
            title = messages.get(locale, "certificate.recipient.title");
            body = messages.get(locale, "certificate.recipient.body", certificate.holder(), callName, certificate.detail());
        } else {
            title = messages.get(locale, "certificate.service.title");
            body = messages.get(locale, "certificate.service.body", certificate.holder(), callName,
                    Integer.parseInt(certificate.detail()));
        }
        String issued = messages.get(locale, "certificate.issued", Moments.day(certificate.issuedAt(), call.timeZone(), locale));
        String verify = messages.get(locale, "certificate.verify", url);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, MARGIN, MARGIN);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.open();
            BaseFont base = "zh".equals(language)
                    ? BaseFont.createFont("WenQuanYiMicroHei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, chinese, null)
                    : BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font, null);
            PdfContentByte canvas = writer.getDirectContent();
            float width = document.getPageSize().getWidth();
            float height = document.getPageSize().getHeight();
            canvas.setLineWidth(2f);
            canvas.rectangle(MARGIN / 2, MARGIN / 2, width - MARGIN, height - MARGIN);
            canvas.stroke();
            boolean rtl = "ar".equals(language);
            write(canvas, base, 30, title, height - 150, width, rtl);
            write(canvas, base, 16, body, height - 250, width, rtl);
            write(canvas, base, 12, issued, height - 340, width, rtl);
            write(canvas, base, 10, verify, 150, width - 200, rtl);
            Image qr = Image.getInstance(MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 300,
                    300, Map.of(EncodeHintType.MARGIN, 2))), null);
            qr.scaleAbsolute(120, 120);
            qr.setAbsolutePosition(rtl ? MARGIN : width - MARGIN - 120, MARGIN);
            document.add(qr);
            document.close();
        } catch (IOException | WriterException e) {
            throw new IllegalStateException("The certificate could not be drawn", e);
        }
        return out.toByteArray();
    }

    /** A centred paragraph, shaped and right to left for Arabic. */
    private static void write(PdfContentByte canvas, BaseFont base, float size, String text, float top, float width, boolean rtl) {
        ColumnText column = new ColumnText(canvas);
        column.setSimpleColumn(MARGIN + 20, MARGIN, width - MARGIN - 20, top);
        column.setAlignment(Element.ALIGN_CENTER);
        column.setLeading(size * 1.4f);
        if (rtl) {
            column.setRunDirection(PdfWriter.RUN_DIRECTION_RTL);
            column.setArabicOptions(ColumnText.AR_LIG);
        }
        column.addText(new Phrase(text, new Font(base, size)));
        try {
            column.go();
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }
}
