package org.awardeval.dashboard;

import java.io.IOException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.awardeval.security.ApiSecurity;
import org.awardeval.security.CamundaSessionFilter;
import org.awardeval.security.Groups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

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
}
