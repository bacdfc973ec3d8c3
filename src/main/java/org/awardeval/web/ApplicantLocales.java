package org.awardeval.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The language of a request: the visitor's choice, kept in a cookie, else the best of the browser's Accept-Language among
 * the six, else English; on a call's pages only among the call's languages.
 */
@Component("localeResolver")
class ApplicantLocales implements LocaleResolver {

    static final String COOKIE = "award-lang";
    private static final String CHOSEN = ApplicantLocales.class.getName() + ".chosen";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        List<Locale.LanguageRange> wanted = new ArrayList<>();
        String chosen = chosen(request);
        if (chosen != null) {
            wanted.add(new Locale.LanguageRange(chosen));
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                wanted.addAll(Locale.LanguageRange.parse(header));
            } catch (IllegalArgumentException malformed) {
                // A header nobody's browser sends: as if there were none.
            }
        }
        @SuppressWarnings("unchecked")
        Collection<String> offered = (Collection<String>) request.getAttribute(Languages.OFFERED);
        List<Locale> among = (offered == null || offered.isEmpty() ? Languages.CODES : offered).stream()
                .filter(Languages::supported).map(Locale::forLanguageTag).toList();
        String best = Locale.lookupTag(wanted, among.stream().map(Locale::toLanguageTag).toList());
        return best != null ? Locale.forLanguageTag(best) : Locale.forLanguageTag(Languages.ENGLISH);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (locale == null || !Languages.supported(locale.getLanguage())) {
            return;
        }
        String code = locale.getLanguage();
        request.setAttribute(CHOSEN, code);
        if (response != null) {
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, code).path("/").maxAge(Duration.ofDays(365)).httpOnly(true)
                    .sameSite("Lax").secure(request.isSecure()).build().toString());
        }
    }

    private static String chosen(HttpServletRequest request) {
        Object now = request.getAttribute(CHOSEN);
        if (now != null) {
            return (String) now;
        }
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        return cookie != null && Languages.supported(cookie.getValue()) ? cookie.getValue() : null;
    }
}
