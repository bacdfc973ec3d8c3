package org.awardeval.portal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.awardeval.call.AwardCall;
import org.awardeval.mail.MailTemplates;
import org.awardeval.mail.OutboxRepository.PersonalMail;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.web.PublicLinks;
import org.springframework.stereotype.Component;

/** The e-mail that invites a colleague to help write a draft. */
@Component
class Invitations {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final PublicLinks links;

    Invitations(OutboxRepository outbox, MailTemplates templates, PublicLinks links) {
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
    }

    void send(String owner, String colleague, AwardCall call, OffsetDateTime expires) {
        String link = links.to(PortalSecurity.HOME);
        MailTemplates.Rendered mail = templates.render("invitation", Map.of("owner", owner, "callName", call.name(), "link", link,
                "expires", READABLE.format(expires.atZoneSameInstant(ZoneId.of(call.timeZone())))));
        outbox.insert(new PersonalMail("INVITE", colleague, owner + " invites you to help with an application to " + call.name(),
                mail.text(), mail.html()), OffsetDateTime.now());
    }
}
