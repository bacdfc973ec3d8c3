package org.awardeval.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.Servlet;
import jakarta.ws.rs.core.MediaType;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Wrapper;
import org.awardeval.support.H2Test;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.spi.ContextResolvers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Every Camunda REST API of the product, the engine's and the web applications', reads and writes JSON with one mapper
 * configured as Camunda's own, instead of a new one for each use.
 */
@H2Test
class SharedRestMapperTest {

    @Autowired ServletWebServerApplicationContext context;

    @Test
    void eachRestApiAsksOneMapperConfiguredAsCamundas() throws Exception {
        ObjectMapper camunda = new JacksonConfigurator().getContext(TaskQueryDto.class);
        List<String> apis = new ArrayList<>();
        for (Container child : ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0].findChildren()) {
            Wrapper wrapper = (Wrapper) child;
            Servlet servlet = wrapper.allocate();
            try {
                if (!(servlet instanceof ServletContainer jersey)) {
                    continue;
                }
                apis.add(wrapper.getName());
                ContextResolvers resolvers = jersey.getApplicationHandler().getInjectionManager().getInstance(ContextResolvers.class);
                for (MediaType type : List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(Hal.APPLICATION_HAL_JSON))) {
                    ObjectMapper first = resolvers.<ObjectMapper>resolve(ObjectMapper.class, type).getContext(TaskQueryDto.class);
                    ObjectMapper second = resolvers.<ObjectMapper>resolve(ObjectMapper.class, type).getContext(Object.class);
                    assertThat(second).as("%s, %s", wrapper.getName(), type).isSameAs(first);
                    assertThat(((SimpleDateFormat) first.getDateFormat()).toPattern())
                            .isEqualTo(((SimpleDateFormat) camunda.getDateFormat()).toPattern());
                    assertThat(first.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
                    assertThat(first.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
                    assertThat(first.getRegisteredModuleIds()).isEqualTo(camunda.getRegisteredModuleIds());
                }
            } finally {
                wrapper.deallocate(servlet);
            }
        }
        assertThat(apis).contains("Engine Api", "Tasklist Api", "Cockpit Api", "Admin Api");
        assertThat(apis).hasSizeGreaterThanOrEqualTo(6);
    }
}
