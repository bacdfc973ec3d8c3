package org.awardeval.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP calls to one node as one user, with JSON bodies. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppNode node;
    private final String authorization;

    Api(AppNode node, String user, String password) {
        this.node = node;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Answer(int status, JsonNode body, String text) {
    }

    Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(node.url(path))).GET());
    }

    Answer post(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer put(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(node.url(path))).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", authorization).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode body = null;
        if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
            body = JSON.readTree(text);
        }
        return new Answer(response.statusCode(), body, text);
    }
}
