package org.awardeval.portal;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.awardeval.mail.MailTemplates.Rendered;
import org.awardeval.mail.MailTemplates;
import org.awardeval.mail.OutboxRepository.PersonalMail;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.web.Messages;
import org.awardeval.web.PublicLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asking for a sign-in link: the address is checked and throttled (per address and per client), a link that works
 * once for {@link Limits#lifetime()} is stored and its e-mail goes through the outbox. Every well-formed address gets
 * the same answer and a link: an applicant's first sign-in is how their account begins, so nothing tells whether an
 * address is known. A refused request reaches {@link PortalController#refused} with the reason in a request attribute.
 */
@Component
class SignInLinks implements GenerateOneTimeTokenRequestResolver, OneTimeTokenGenerationSuccessHandler {

    /**
     * @param lifetime      how long a link works
     * @param perAddress    links one address may be sent per window
     * @param perClient     links one client may ask for per window
     * @param window        the window over which links are counted
     */
    @ConfigurationProperties(prefix = "award.portal.sign-in")
    record Limits(Duration lifetime, Integer perAddress, Integer perClient, Duration window) {
        Limits {
            lifetime = lifetime == null ? Duration.ofMinutes(15) : lifetime;
            perAddress = perAddress == null ? 5 : perAddress;
            perClient = perClient == null ? 20 : perClient;
            window = window == null ? Duration.ofMinutes(15) : window;
        }
    }

    /** Why a request for a link was refused: the sign-in page says it in words, "signIn.refused." + code, with the minutes. */
    record Refusal(boolean tooMany, String code, long minutes) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SignInLinks.class);
    static final String REFUSAL = SignInLinks.class.getName() + ".refusal";
    static final String EMAIL = "email";
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]{2,}$");

    private final Limits limits;
    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final Environment environment;
    private final PublicLinks links;
    private final Clock clock;
    private final LocaleResolver locales;
    private final Messages messages;
    private final Cache<String, Bucket> byAddress;
    private final Cache<String, Bucket> byClient;

    SignInLinks(Limits limits, OutboxRepository outbox, MailTemplates templates, Environment environment, PublicLinks links,
            ObjectProvider<Clock> clock, LocaleResolver locales, Messages messages) {
        this.locales = locales;
        this.messages = messages;
        this.links = links;
        this.limits = limits;
        this.outbox = outbox;
        this.templates = templates;
        this.environment = environment;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.byAddress = CacheBuilder.newBuilder().maximumSize(100_000).expireAfterAccess(limits.window()).build();
        this.byClient = CacheBuilder.newBuilder().maximumSize(100_000).expireAfterAccess(limits.window()).build();
    }

    Duration lifetime() {
        return limits.lifetime();
    }

    @Override
    public GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
        String email = normalise(request.getParameter(EMAIL));
        if (email == null) {
            request.setAttribute(REFUSAL, new Refusal(false, "noAddress", 0));
            return null;
        }
        ConsumptionProbe client = bucket(byClient, request.getRemoteAddr(), limits.perClient()).tryConsumeAndReturnRemaining(1);
        ConsumptionProbe address = client.isConsumed() ? bucket(byAddress, email, limits.perAddress()).tryConsumeAndReturnRemaining(1)
                : client;
        if (!address.isConsumed()) {
            long minutes = Math.max(1, (Duration.ofNanos(address.getNanosToWaitForRefill()).toSeconds() + 59) / 60);
            request.setAttribute(REFUSAL, new Refusal(true, "tooMany", minutes));
            return null;
        }
        return new GenerateOneTimeTokenRequest(email, limits.lifetime());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
        String link = UriComponentsBuilder.fromUriString(links.to(PortalSecurity.CONFIRM))
                .queryParam("token", token.getTokenValue()).build().toUriString();
        // In the language of the page that asked for it.
        Locale locale = locales.resolveLocale(request);
        Rendered mail = templates.render("sign-in", Map.of("link", link, "minutes", limits.lifetime().toMinutes()), locale);
        outbox.insert(new PersonalMail("SIGN_IN", token.getUsername(), messages.get(locale, "mail.signIn.subject"),
                mail.text(), mail.html()), OffsetDateTime.now(clock));
        if (environment.getProperty("award.portal.sign-in.log-links", Boolean.class, false)) {
            // Demo mode has no mail server: the link is in the log instead.
            LOG.warn("Demo mode: the sign-in link for {} is {}", token.getUsername(), link);
        }
        response.sendRedirect(request.getContextPath() + PortalSecurity.SIGN_IN + "/sent");
    }

    /** The address as the portal keys it: trimmed and in lower case; null when it is not an e-mail address. */
    static String normalise(String email) {
        if (email == null) {
            return null;
        }
        String clean = email.strip().toLowerCase(Locale.ROOT);
        return clean.length() <= 254 && ADDRESS.matcher(clean).matches() ? clean : null;
    }

    private Bucket bucket(Cache<String, Bucket> buckets, String key, int capacity) {
        try {
            return buckets.get(key, () -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, limits.window()).build()).build());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
