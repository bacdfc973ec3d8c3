package org.awardeval.deliberation;

import org.awardeval.security.ApiSecurity;
import org.awardeval.security.CamundaSessionFilter;
import org.awardeval.security.Groups;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/** The reading view takes the Tasklist session of a panel member or coordinator; anyone else is sent to sign in there. */
@Configuration
class PanelReadingSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain panelPages(HttpSecurity http, ProcessEngine engine) throws Exception {
        return http.securityMatcher("/panel/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(Groups.PANEL, Groups.COORDINATORS, Groups.ADMINS))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/camunda/app/tasklist/")))
                .csrf(csrf -> csrf.disable())
                .headers(ApiSecurity.headers())
                .addFilterBefore(new CamundaSessionFilter(engine.getName()), AnonymousAuthenticationFilter.class)
                .build();
    }
}
