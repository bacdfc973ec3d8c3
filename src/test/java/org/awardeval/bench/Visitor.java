package org.awardeval.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser over HTTP: its cookies and the CSRF token of the last page it read. The benchmark's visitors share
 * one client (thousands of clients would each hold a selector thread), so cookies are kept here and sent by hand.
 */
final class Visitor {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");
    /** How long each kind of request took, by method and path with its numbers as {n}, since the last {@link #medians}. */
    private static final Map<String, List<Long>> TIMES = new ConcurrentHashMap<>();

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String authorization;
    private String csrf = "";

    Visitor(String base) {
        this.base = base;
    }

    /** A REST client logged in by HTTP Basic, as the engine's REST API and the project's API take it. */
    static Visitor basic(String base, String user, String password) {
        Visitor visitor = new Visitor(base);
        visitor.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return visitor;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** A form posted with the CSRF token of the last page read, as the page's own form would. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("_csrf", csrf);
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", "")).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A file as a page's upload form sends it: multipart with the CSRF token. */
    HttpResponse<String> upload(String path, String field, String fileName, byte[] bytes) throws Exception {
        String boundary = "----visitor" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Where a redirect leads, or fails naming what the page said. */
    static String location(HttpResponse<String> response, String what) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(what + " answered "
                + response.statusCode() + " without a redirect: " + snippet(response.body())));
    }

    static HttpResponse<String> ok(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + snippet(response.body()));
        }
        return response;
    }

    private static String snippet(String body) {
        return body == null ? "" : body.substring(0, Math.min(body.length(), 600));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(120));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /** The median milliseconds of each kind of request since the last call, and starts counting again. */
    static Map<String, Double> medians() {
        Map<String, Double> medians = new TreeMap<>();
        TIMES.forEach((kind, times) -> {
            List<Long> sorted;
            synchronized (times) {
                sorted = new ArrayList<>(times);
            }
            Collections.sort(sorted);
            medians.put(kind + " (" + sorted.size() + ")", Math.round(sorted.get(sorted.size() / 2) / 10.0) / 100.0);
        });
        TIMES.clear();
        return medians;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        String kind = request.method() + " " + request.uri().getPath().replaceAll("/[0-9]+", "/{n}");
        TIMES.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - start) / 1000);
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        Matcher token = CSRF.matcher(response.body() == null ? "" : response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
