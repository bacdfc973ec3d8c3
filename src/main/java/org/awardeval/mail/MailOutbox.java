package org.awardeval.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.IdentityHashMap;
import java.util.Map;
import org.awardeval.mail.OutboxRepository.Outgoing;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox. Each e-mail is claimed (PENDING to SENDING) in its own committed statement before it is sent and
 * marked SENT after, so two nodes or two runs never send the same one: a crash between sending and marking leaves it
 * SENDING, to be checked by hand, rather than sent twice. Without MAIL_HOST nothing is sent and the outbox waits.
 */
@Component
public class MailOutbox {

    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    static {
        // Unnamed, Jakarta Mail 2.1 finds its stream provider by a ServiceLoader scan of every jar, again for each part
        // of each e-mail (jakartaee/mail-api#861): 0.79 ms an e-mail against 0.03 named (bench/mail.sh).
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
    }

    private final OutboxRepository notifications;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private final Clock clock;

    public MailOutbox(OutboxRepository notifications, ObjectProvider<JavaMailSender> mailSender,
            @Value("${award.mail-from:award-office@localhost}") String from, ObjectProvider<Clock> clock) {
        this.notifications = notifications;
        this.mailSender = mailSender;
        this.from = from;
        // The embargo is a point in time: tests move a clock of their own past it instead of sleeping.
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Scheduled(fixedDelayString = "${award.mail-interval:PT10S}", initialDelayString = "${award.mail-interval:PT10S}")
    public void scheduled() {
        flush();
    }

    /**
     * Sends everything due, a hundred at a time: results released by an embargo are thousands at once, and one hundred
     * per interval would take a quarter of an hour for ten thousand. A batch with a failure ends the run, so that a
     * failed e-mail waits for the next interval before it is tried again. Returns how many were sent.
     */
    public int flush() {
        int sent = 0;
        int batch;
        do {
            batch = flushBatch();
            sent += batch;
        } while (batch == BATCH);
        if (sent > 0) {
            LOG.info("Sent {} e-mail(s)", sent);
        }
        return sent;
    }

    /**
     * One batch over one connection to the mail server: opening one per e-mail cost about 50 ms each. Each e-mail is
     * claimed before and marked after; a crash in between leaves the batch SENDING, to be checked, never sent twice.
     */
    private int flushBatch() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        Map<MimeMessage, Outgoing> batch = new IdentityHashMap<>();
        for (Outgoing mail : notifications.due(OffsetDateTime.now(clock), BATCH)) {
            if (!notifications.claim(mail.id(), OffsetDateTime.now(clock))) {
                continue;
            }
            try {
                batch.put(compose(sender, from, mail), mail);
            } catch (Exception e) {
                failed(mail, e);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        Map<Object, Exception> failures = Map.of();
        try {
            sender.send(batch.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures = e.getFailedMessages();
        } catch (MailException e) {
            failures = new IdentityHashMap<>();
            for (MimeMessage message : batch.keySet()) {
                failures.put(message, e);
            }
        }
        int sent = 0;
        for (Map.Entry<MimeMessage, Outgoing> entry : batch.entrySet()) {
            Exception failure = failures.get(entry.getKey());
            if (failure != null) {
                failed(entry.getValue(), failure);
            } else {
                notifications.markSent(entry.getValue().id(), OffsetDateTime.now(clock));
                sent++;
            }
        }
        return sent;
    }

    private void failed(Outgoing mail, Exception e) {
        boolean retry = mail.attempts() + 1 < MAX_ATTEMPTS;
        LOG.warn("E-mail {} to {} failed (attempt {}{}): {}", mail.id(), mail.recipient(), mail.attempts() + 1,
                retry ? ", will retry" : ", giving up", e.getMessage());
        notifications.markFailed(mail.id(), String.valueOf(e.getMessage()), retry);
    }

    static MimeMessage compose(JavaMailSender sender, String from, Outgoing mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), mail.htmlBody());
        message.saveChanges();
        // A stable id lets a mail server recognise the same message.
        message.setHeader("Message-ID", "<notification-" + mail.id() + "@award-evaluation>");
        return message;
    }
}
