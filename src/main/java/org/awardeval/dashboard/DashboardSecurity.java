package org.awardeval.dashboard;

import java.io.IOException;
import java.util.List;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.awardeval.security.ApiSecurity;
import org.awardeval.security.Groups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard is for coordinators and administrators, who sign in with their Camunda user: on the dashboard's own
 * login page, or already in Tasklist or Cockpit, whose session the dashboard accepts.
 */
@Configuration
class DashboardSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain dashboardPages(HttpSecurity http, ProcessEngine engine) throws Exception {
        return http.securityMatcher("/dashboard", "/dashboard/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/dashboard/login").permitAll()
                        .anyRequest().hasAnyRole(Groups.COORDINATORS, Groups.ADMINS))
                .formLogin(form -> form.loginPage("/dashboard/login").successHandler(new CamundaSessionLogin(engine))
                        .failureUrl("/dashboard/login?error"))
                .logout(logout -> logout.logoutUrl("/dashboard/logout").logoutSuccessUrl("/dashboard/login?logout"))
                .headers(ApiSecurity.headers())
                .addFilterBefore(new CamundaSessionFilter(engine.getName()), AnonymousAuthenticationFilter.class)
                .build();
    }

    /** After the dashboard's login, the user is logged in to Tasklist and Cockpit as well, so the dashboard's links just work. */
    static final class CamundaSessionLogin extends SavedRequestAwareAuthenticationSuccessHandler {

        private final ProcessEngine engine;

        CamundaSessionLogin(ProcessEngine engine) {
            this.engine = engine;
            setDefaultTargetUrl("/dashboard");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.core.Authentication authentication) throws ServletException, IOException {
            UserAuthentication camunda = AuthenticationUtil.createAuthentication(engine, authentication.getName());
            if (camunda != null) {
                HttpSession session = request.getSession();
                Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
                authentications.addOrReplace(camunda);
                AuthenticationUtil.updateSession(session, authentications);
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** Signs in, for this request, a user who logged in to Camunda's webapps in the same session. */
    static final class CamundaSessionFilter extends OncePerRequestFilter {

        private final String engineName;

        CamundaSessionFilter(String engineName) {
            this.engineName = engineName;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            SecurityContext context = SecurityContextHolder.getContext();
            if (session != null && (context.getAuthentication() == null || !context.getAuthentication().isAuthenticated())) {
                Authentication camunda = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
                if (camunda instanceof UserAuthentication user && user.getGroupIds() != null) {
                    List<SimpleGrantedAuthority> roles = user.getGroupIds().stream()
                            .map(group -> new SimpleGrantedAuthority(ApiSecurity.ROLE_PREFIX + group)).toList();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, roles));
                }
            }
            chain.doFilter(request, response);
        }
    }
}
