package org.awardeval.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

final class Mails {

    private Mails() {
    }

    /** Every applicant received exactly one e-mail. */
    static void assertOnePerRecipient(MimeMessage[] received, int recipients) {
        Map<String, Long> perRecipient = Arrays.stream(received).collect(Collectors.groupingBy(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Collectors.counting()));
        assertThat(perRecipient).hasSize(recipients).allSatisfy((recipient, mails) -> assertThat(mails).as(recipient).isOne());
    }
}
