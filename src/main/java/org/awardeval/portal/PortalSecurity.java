package org.awardeval.portal;

import org.awardeval.security.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
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
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
                .headers(ApiSecurity.headers())
                .build();
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
