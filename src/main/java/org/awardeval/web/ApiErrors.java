package org.awardeval.web;

import java.io.CharConversionException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.awardeval.web.ValidationException.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Every rejection of the API says which field is wrong and why: {"message": …, "errors": [{"field", "message"}]}. */
@RestControllerAdvice(basePackages = "org.awardeval")
public class ApiErrors {

    public static Map<String, Object> body(String message, List<FieldError> errors) {
        // Field and English message only: the codes are for the applicants' pages.
        return Map.of("message", message, "errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<Map<String, Object>> invalid(ValidationException e) {
        return ResponseEntity.badRequest().body(body("The request has invalid fields", e.errors()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body(e.getMessage(), List.of()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        FieldError error;
        if (syntaxError(e)) {
            error = new FieldError("body", "is not valid JSON in UTF-8");
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            error = new FieldError(field, "has the wrong type or format");
        } else {
            error = new FieldError("body", "is not a JSON object in UTF-8");
        }
        return ResponseEntity.badRequest().body(body("The request body cannot be read", List.of(error)));
    }

    /** A body that is not JSON at all, as opposed to JSON with a value of the wrong type. */
    private static boolean syntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException || cause instanceof CharConversionException) {
                return true;
            }
        }
        return false;
    }

    /** A file over the server's upload limit; nothing of it was kept. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(body("The upload is too large",
                List.of(new FieldError("file", "is larger than " + UPLOAD_LIMIT + ", the most a document may have; nothing was kept"))));
    }

    /** A multipart body that cannot be read. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> badMultipart(MultipartException e) {
        return ResponseEntity.badRequest().body(body("The request body cannot be read",
                List.of(new FieldError("body", "is not a complete multipart/form-data body"))));
    }

    /** The server's limit for one uploaded file (spring.servlet.multipart.max-file-size), in words. */
    public static final String UPLOAD_LIMIT = "25 MB";

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badPath(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest()
                .body(body("The address is not valid", List.of(new FieldError(e.getName(), "must be a number"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(body("Unsupported content type",
                List.of(new FieldError("Content-Type", "must be one of " + e.getSupportedMediaTypes()))));
    }
}
