package org.awardeval.security;

import java.io.IOException;
import java.util.List;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in, for this request, a user who logged in to Camunda's webapps in the same session. */
public final class CamundaSessionFilter extends OncePerRequestFilter {

    private final String engineName;

    public CamundaSessionFilter(String engineName) {
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
