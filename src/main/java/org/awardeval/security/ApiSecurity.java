package org.awardeval.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The application's own endpoints. The API authenticates with HTTP Basic against the engine's users and groups; the
 * public application form needs no login and is protected against cross-site requests. Tasklist, Cockpit and the
 * engine REST API keep the engine's own authentication and authorization.
 */
@Configuration
public class ApiSecurity {

    public static final String ROLE_PREFIX = "ROLE_";

    /** The application's own pages load scripts, styles and images from itself only, and are never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Security headers of every page and answer of the application's own: CSP, no framing, HSTS over TLS. */
    public static Customizer<HeadersConfigurer<HttpSecurity>> headers() {
        return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/calls/*/applications").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/calls/*", "/api/calls/*/results", "/api/calls/*/results.csv",
                                "/api/calls/*/document-slots", "/api/library/**").permitAll()
                        // Deploying the server's folder now is an operator's action; process owners propose changes.
                        .requestMatchers("/api/processes/deploy").hasAnyRole(Groups.COORDINATORS, Groups.ADMINS)
                        .requestMatchers("/api/processes", "/api/processes/**").hasAnyRole(Groups.PROCESS_OWNERS, Groups.COORDINATORS, Groups.ADMINS)
                        .anyRequest().hasRole(Groups.COORDINATORS))
                .httpBasic(Customizer.withDefaults())
                .headers(headers())
                // Stateless: every request carries its own credentials and no cookie logs anybody in here.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicForm(HttpSecurity http) throws Exception {
        return http.securityMatcher("/calls/**", "/library/**", "/certificates/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers())
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain engineAndWebapps(HttpSecurity http) throws Exception {
        // Camunda's webapps and REST API bring their own authentication, CSRF protection and security headers.
        return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .build();
    }

    /**
     * Nothing here collects traces, and observing every filter of every chain cost each page and each call of the API
     * time for no reader (docs/BENCHMARKS.md).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Checks passwords with the engine; a user's groups become roles, e.g. ROLE_coordinators. */
    @Bean
    AuthenticationProvider engineUsers(IdentityService identityService) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String user = authentication.getName();
                String password = String.valueOf(authentication.getCredentials());
                if (!identityService.checkPassword(user, password)) {
                    throw new BadCredentialsException("Wrong user or password");
                }
                List<SimpleGrantedAuthority> roles = identityService.createGroupQuery().groupMember(user).list().stream()
                        .map(group -> new SimpleGrantedAuthority(ROLE_PREFIX + group.getId()))
                        .toList();
                return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
