package org.awardeval.portal;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.mail.MailTemplates;
import org.awardeval.mail.OutboxRepository.PersonalMail;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.web.Languages;
import org.awardeval.web.Messages;
import org.awardeval.web.Moments;
import org.awardeval.web.PublicLinks;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The e-mail that invites a colleague to help write a draft. */
@Component
class Invitations {

    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final PublicLinks links;
    private final CallRepository calls;
    private final Messages messages;

    Invitations(OutboxRepository outbox, MailTemplates templates, PublicLinks links, CallRepository calls, Messages messages) {
        this.calls = calls;
        this.messages = messages;
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
    }

    /** In the language of the one who invites (the colleague's is not known): their request's, among the call's. */
    void send(String owner, String colleague, AwardCall call, OffsetDateTime expires) {
        Locale locale = LocaleContextHolder.getLocale();
        String language = call.offers(Languages.code(locale)) ? Languages.code(locale) : Languages.ENGLISH;
        locale = Languages.locale(language);
        String callName = calls.texts(call.id(), language).name().text();
        String link = links.to(PortalSecurity.HOME);
        MailTemplates.Rendered mail = templates.render("invitation", Map.of("owner", owner, "callName", callName, "link", link,
                "expires", Moments.day(expires, call.timeZone(), locale)), locale);
        outbox.insert(new PersonalMail("INVITE", colleague, messages.get(locale, "mail.invitation.subject", owner, callName),
                mail.text(), mail.html()), OffsetDateTime.now());
    }
}
