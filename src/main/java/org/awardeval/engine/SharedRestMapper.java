package org.awardeval.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * One JSON mapper for each of Camunda's REST APIs instead of one per use. Camunda's resolver makes a new ObjectMapper
 * whenever asked, so every request built Jackson's readers and writers again: for a judge's "My reviews" that was 14 %
 * of the server's time (docs/BENCHMARKS.md). This resolver makes Camunda's configuration once and is asked first;
 * Jackson copies the date format for each use, so one mapper serves every request.
 */
@Component
class SharedRestMapper implements ResourceConfigCustomizer, ServletContextInitializer {

    /** The engine REST API at /engine-rest. */
    @Override
    public void customize(ResourceConfig config) {
        config.register(Resolver.class);
    }

    /**
     * The web applications' APIs (Tasklist's, Cockpit's) are Jersey servlets of their own; each takes the servlet
     * context's attributes as its properties when it starts.
     */
    @Override
    public void onStartup(ServletContext context) {
        Object others = context.getAttribute(ServerProperties.PROVIDER_CLASSNAMES);
        context.setAttribute(ServerProperties.PROVIDER_CLASSNAMES, others == null ? Resolver.class.getName()
                : others + "," + Resolver.class.getName());
    }

    @Provider
    @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
    @Priority(1)
    public static class Resolver implements ContextResolver<ObjectMapper> {

        private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }
}
