package org.awardeval.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.awardeval.mail.OutboxRepository.Outgoing;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** An e-mail as the outbox composes it, with Jakarta Mail's stream provider named rather than looked up at each part. */
class MailOutboxTest {

    @Test
    void anEmailCarriesItsAddressesSubjectBothTextsAndItsStableIdWithTheProviderNamed() throws Exception {
        Outgoing mail = new Outgoing(42, "rectorat@universite.example", "Résultats du prix : votre candidature AW-7",
                "Bonjour,\n\nles résultats sont publiés.", "<p>Bonjour,</p><p>les résultats sont publiés.</p>", 0);

        MimeMessage composed = MailOutbox.compose(new JavaMailSenderImpl(), "award-office@example.org", mail);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        composed.writeTo(written);
        MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(written.toByteArray()));

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
        assertThat(read.getFrom()[0].toString()).isEqualTo("award-office@example.org");
        assertThat(read.getRecipients(Message.RecipientType.TO)[0].toString()).contains("rectorat@");
        assertThat(read.getSubject()).isEqualTo("Résultats du prix : votre candidature AW-7");
        assertThat(read.getMessageID()).isEqualTo("<notification-42@award-evaluation>");
        String all = new String(written.toByteArray(), StandardCharsets.UTF_8);
        assertThat(read.getContent()).isInstanceOf(MimeMultipart.class);
        assertThat(all).contains("text/plain").contains("text/html");
    }
}
