package org.awardeval.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A refused write to a task or a start form reaches the person as the form's labels and the reason, not as the engine's
 * wording around it ("Cannot submit task form 3fd8a4b5-…: "), in Tasklist (which shows the message as it comes) and over
 * REST.
 */
@Configuration
class TaskErrorMessages {

    private static final Pattern TASK_WRITE = Pattern.compile(
            "/(engine-rest|camunda/api/engine/engine/[^/]+)/(task/[^/]+/.+|process-definition/.+/submit-form)");
    private static final Pattern ENGINE_WORDING = Pattern.compile(
            "^((Cannot submit task form|Cannot complete task|Cannot modify variables for task|Cannot put task variable|"
                    + "Cannot delete task variable) [^:]+|Cannot instantiate process definition \\S+): ");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> taskErrorMessagesFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setName("task-error-messages");
        registration.addUrlPatterns("/engine-rest/task/*", "/engine-rest/process-definition/*", "/camunda/api/engine/*");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return "GET".equals(request.getMethod())
                    || !TASK_WRITE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() == 400 && wrapper.getContentSize() > 0) {
                try {
                    JsonNode body = JSON.readTree(wrapper.getContentAsByteArray());
                    if (body instanceof ObjectNode object && body.path("message").isTextual()) {
                        object.put("message", ENGINE_WORDING.matcher(body.path("message").asText()).replaceFirst(""));
                        wrapper.resetBuffer();
                        wrapper.getOutputStream().write(JSON.writeValueAsBytes(object));
                    }
                } catch (IOException e) {
                    // not JSON: pass it on as it came
                }
            }
            wrapper.copyBodyToResponse();
        }
    }
}
