package org.awardeval.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API wraps what goes wrong while setting a task's variables in a 500; a write {@link TaskWriteGuard}
 * refused is the user's mistake and answers 400 with its message, like a refused completion.
 */
@Component
class RefusedWriteResponses implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(Mapper.class);
        config.register(DirectMapper.class);
    }

    @Priority(1)
    public static class Mapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof TaskWriteGuard.Refused) {
                    return badRequest(exception.getMessage());
                }
            }
            return camunda.toResponse(exception);
        }
    }

    /** Where the REST API lets the refusal through unwrapped. */
    public static class DirectMapper implements ExceptionMapper<TaskWriteGuard.Refused> {

        @Override
        public Response toResponse(TaskWriteGuard.Refused exception) {
            return badRequest(exception.getMessage());
        }
    }

    private static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "InvalidRequestException", "message", message, "code", 0)).build();
    }
}
