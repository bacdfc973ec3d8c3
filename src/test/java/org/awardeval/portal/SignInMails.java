package org.awardeval.portal;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sign-in links the mail server received, as an applicant reads them in the plain-text part. */
final class SignInMails {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/portal/sign-in/confirm\\?token=[0-9a-f-]+");

    private SignInMails() {
    }

    /** The links sent to this address so far, oldest first. */
    static List<String> links(GreenMailOperations smtp, String recipient) throws MessagingException, IOException {
        List<String> links = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)) {
                Matcher matcher = LINK.matcher(text(message));
                while (matcher.find()) {
                    links.add(matcher.group());
                }
            }
        }
        return links;
    }

    /** Waits until this address has received this many links; returns the last. */
    static String awaitLink(GreenMailOperations smtp, String recipient, int count) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            List<String> links = links(smtp, recipient);
            if (links.size() >= count) {
                return links.get(count - 1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No sign-in link number " + count + " reached " + recipient);
    }

    static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }
}
