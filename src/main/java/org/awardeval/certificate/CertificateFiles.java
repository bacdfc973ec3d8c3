package org.awardeval.certificate;

import org.awardeval.submission.StoredApplication;
import org.springframework.stereotype.Component;

/** What the applicants' portal asks of certificates: the recipient's PDF. */
@Component
public class CertificateFiles {

    private final Certificates certificates;
    private final CertificatePdf pdf;

    CertificateFiles(Certificates certificates, CertificatePdf pdf) {
        this.certificates = certificates;
        this.pdf = pdf;
    }

    public byte[] recipient(StoredApplication application) {
        return pdf.render(certificates.forRecipient(application));
    }
}
