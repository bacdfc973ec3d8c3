package org.awardeval.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.awardeval.mail.OutboxRepository.ToCheck;
import org.awardeval.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What a coordinator does with an e-mail the outbox could not confirm: send one that failed for good again, and for one
 * cut off while being sent, either mark it arrived (the mail server's log shows it) or send it again.
 */
@Service
public class MailChecks {

    /**
     * An e-mail claimed longer ago than this is no longer being sent: the SMTP timeouts in application.yml end any
     * exchange within a few minutes. Before, sending it again could send it twice.
     */
    public static final Duration SENDING_LIMIT = Duration.ofMinutes(10);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final Logger LOG = LoggerFactory.getLogger(MailChecks.class);

    /** A coordinator's action that does not apply to the e-mail as it is now; nothing was changed. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final OutboxRepository notifications;
    private final Clock clock;

    public MailChecks(OutboxRepository notifications, ObjectProvider<Clock> clock) {
        this.notifications = notifications;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** Puts the e-mail back in the outbox; returns what the coordinator is told. */
    public String sendAgain(long callId, long id, String user) {
        ToCheck mail = find(callId, id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!notifications.sendAgain(id, user, now, now.minus(SENDING_LIMIT))) {
            throw refusal(callId, mail, "send it again");
        }
        LOG.info("{} put e-mail {} ({} of {}, {}) back in the outbox", user, id, mail.kind(), mail.applicationCode(), mail.status());
        return "The " + describe(mail) + " goes out again with the outbox's next round.";
    }

    /** Marks sent an e-mail cut off while being sent, which the mail server delivered; returns what the coordinator is told. */
    public String markArrived(long callId, long id, String user) {
        ToCheck mail = find(callId, id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!notifications.markArrived(id, user, now, now.minus(SENDING_LIMIT))) {
            throw refusal(callId, mail, "mark it arrived");
        }
        LOG.info("{} marked e-mail {} ({} of {}) as arrived", user, id, mail.kind(), mail.applicationCode());
        return "The " + describe(mail) + " is marked as sent.";
    }

    private ToCheck find(long callId, long id) {
        return notifications.inCall(callId, id)
                .orElseThrow(() -> new NotFoundException("There is no e-mail " + id + " to an applicant of call " + callId));
    }

    /** Says why the action does not apply, from the e-mail as it is now (another coordinator or node may have acted). */
    private Refused refusal(long callId, ToCheck before, String action) {
        ToCheck mail = notifications.inCall(callId, before.id()).orElse(before);
        String what = "Cannot " + action + ": the " + describe(mail);
        return new Refused(switch (mail.status()) {
            case "SENT" -> what + " was sent already. Nothing was changed.";
            case "PENDING" -> what + " is waiting in the outbox already. Nothing was changed.";
            case "FAILED" -> what + " failed and was not delivered: send it again instead.";
            default -> mail.claimedAt() == null ? what + " changed meanwhile; look again."
                    : what + " is being sent now (since " + utc(mail.claimedAt()) + "). If it is still not confirmed at "
                            + utc(mail.claimedAt().plus(SENDING_LIMIT)) + ", check the mail server's log, then mark it arrived or send it again.";
        });
    }

    private static String utc(OffsetDateTime time) {
        return TIME.format(time.atZoneSameInstant(ZoneOffset.UTC));
    }

    private static String describe(ToCheck mail) {
        return mail.kind().toLowerCase().replace('_', ' ') + " e-mail for " + mail.applicationCode() + " to " + mail.recipient();
    }
}
