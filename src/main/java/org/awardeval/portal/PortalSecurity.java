package org.awardeval.portal;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.awardeval.documents.DocumentSlot;
import org.awardeval.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Applicants sign in with a link sent to their e-mail address. They are not users of the engine: their session is
 * kept under a key of its own, so it signs nobody in to the dashboard, Tasklist or Cockpit, and theirs do not reach
 * the portal.
 */
@Configuration
class PortalSecurity {

    static final String ROLE = "applicant";
    static final String HOME = "/portal";
    static final String SIGN_IN = "/portal/sign-in";
    static final String LINK = SIGN_IN + "/link";
    static final String CONFIRM = SIGN_IN + "/confirm";
    static final String TOKEN = SIGN_IN + "/token";
    static final String SESSION_KEY = "AWARD_PORTAL_SECURITY_CONTEXT";

    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, SingleUseTokens tokens, SignInLinks links) throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(SESSION_KEY);
        return http.securityMatcher(HOME, HOME + "/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(SIGN_IN, SIGN_IN + "/**").permitAll()
                        .anyRequest().hasRole(ROLE))
                .securityContext(context -> context.securityContextRepository(contexts))
                .oneTimeTokenLogin(ott -> ott
                        .tokenService(tokens)
                        .tokenGeneratingUrl(LINK)
                        .generateRequestResolver(links)
                        .tokenGenerationSuccessHandler(links)
                        .loginPage(SIGN_IN)
                        .loginProcessingUrl(TOKEN)
                        .showDefaultSubmitPage(false)
                        .authenticationProvider(new OneTimeTokenAuthenticationProvider(tokens, applicants()))
                        .authenticationFailureHandler(new SimpleUrlAuthenticationFailureHandler(SIGN_IN + "?expired"))
                        .defaultSuccessUrl(HOME))
                .logout(logout -> logout.logoutUrl(HOME + "/sign-out").logoutSuccessUrl(SIGN_IN + "?signedOut"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN))
                        .accessDeniedHandler(new TooLargeUploads(new AccessDeniedHandlerImpl())))
                .headers(ApiSecurity.headers())
                .build();
    }

    /**
     * An upload over the server's limit arrives without a readable body, so its CSRF token is missing and the request is
     * refused as any such request; the applicant is sent back to the page they came from, which names the slot and the
     * limit, rather than to a bare "forbidden".
     */
    static final class TooLargeUploads implements AccessDeniedHandler {

        static final String TOO_LARGE = "tooLarge";
        private static final Pattern DRAFT = Pattern.compile(".*(/portal/drafts/\\d{1,18})/documents/([a-zA-Z0-9]{1,40})$");
        private static final Pattern APPLICATION = Pattern.compile(".*(/portal/applications/[A-Za-z0-9-]{1,40})/documents/\\d{1,18}/replace$");

        private final AccessDeniedHandler otherwise;

        TooLargeUploads(AccessDeniedHandler otherwise) {
            this.otherwise = otherwise;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
                throws IOException, ServletException {
            String type = request.getContentType();
            if (type != null && type.startsWith("multipart/") && request.getContentLengthLong() > DocumentSlot.LARGEST_FILE) {
                Matcher draft = DRAFT.matcher(request.getRequestURI());
                Matcher application = APPLICATION.matcher(request.getRequestURI());
                if (draft.matches()) {
                    response.sendRedirect(draft.group(1) + "?" + TOO_LARGE + "=" + draft.group(2) + "#" + draft.group(2));
                    return;
                }
                if (application.matches()) {
                    response.sendRedirect(application.group(1) + "?" + TOO_LARGE + "=document#documents");
                    return;
                }
            }
            otherwise.handle(request, response, denied);
        }
    }

    /** Whoever holds a link sent to an address is that address's applicant; the address is their only identity. */
    private static UserDetailsService applicants() {
        return email -> {
            String address = SignInLinks.normalise(email);
            if (address == null) {
                throw new UsernameNotFoundException("Not an e-mail address");
            }
            return User.withUsername(address).password("").roles(ROLE).build();
        };
    }
}
