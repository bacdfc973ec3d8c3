package org.awardeval.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The declaration a judge signs by accepting an invitation. A change of wording is a new version: each acceptance
 * keeps the version and the checksum of the text the judge read.
 */
final class Declaration {

    static final int VERSION = 1;

    static final String TEXT = """
            I will keep confidential everything I read as a judge of this award: the applications, their documents, the \
            other judges' reviews and the panel's deliberation. I will not share them, nor use them for any other purpose, \
            nor try to find out who the applicants are.
            I will judge each application on its merits, by the award's criteria, without regard to the applicant's \
            country, organisation or the people involved.
            I declare below every organisation I work for or with, or worked for or with in the last three years; I will \
            declare a conflict of interest in the review form as soon as I recognise one, and the application will go to \
            another judge.""";

    static final String SHA256 = sha256(TEXT);

    private Declaration() {
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
