package org.awardeval.documents;

import org.awardeval.security.ApiSecurity;
import org.awardeval.security.CamundaSessionFilter;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Documents are read by judges and coordinators signed in to Tasklist (their Camunda session) or with HTTP Basic;
 * the controller decides which document each may read. Read only: nothing here changes anything.
 */
@Configuration
class DocumentSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain documentPages(HttpSecurity http, ProcessEngine engine) throws Exception {
        return http.securityMatcher("/documents/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .headers(ApiSecurity.headers())
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CamundaSessionFilter(engine.getName()), AnonymousAuthenticationFilter.class)
                .build();
    }
}
