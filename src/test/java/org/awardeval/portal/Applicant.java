package org.awardeval.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An applicant's browser session over HTTP: its own cookies, the CSRF token of the last page it read. */
final class Applicant {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    Applicant(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        remember(response.body());
        return response;
    }

    /** A download, as the browser saves it. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> getWith(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        remember(response.body());
        return response;
    }

    HttpResponse<String> postWith(String path, Map<String, String> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("_csrf", csrf == null ? "" : csrf);
        return postRaw(path, form, headers);
    }

    /** Posts a form with the CSRF token of the last page read, as the page's own form would. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("_csrf", csrf == null ? "" : csrf);
        return postRaw(path, form, Map.of());
    }

    /** Posts a file as a page's upload form would: multipart, with the CSRF token of the last page read. */
    HttpResponse<String> postFile(String path, String field, String fileName, byte[] bytes) throws IOException, InterruptedException {
        String boundary = "----applicant" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + (csrf == null ? "" : csrf)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        remember(response.body());
        return response;
    }

    HttpResponse<String> postRaw(String path, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        remember(response.body());
        return response;
    }

    /** Asks for a sign-in link from the sign-in page. */
    HttpResponse<String> askForLink(String email) throws IOException, InterruptedException {
        get(PortalSecurity.SIGN_IN);
        return post(PortalSecurity.LINK, Map.of("email", email));
    }

    /** Opens the link from the e-mail and presses its button; returns where that leads. */
    HttpResponse<String> useLink(String link) throws IOException, InterruptedException {
        String path = link.substring(base.length());
        get(path);
        String token = link.substring(link.indexOf("token=") + "token=".length());
        return post(PortalSecurity.TOKEN, Map.of("token", token));
    }

    /**
     * An applicant signed in by the link in their e-mail as the outbox holds it: the shared test context has no mail
     * server to send it.
     */
    static Applicant signedInFromOutbox(int port, JdbcClient jdbc, String email) throws IOException, InterruptedException {
        Applicant applicant = new Applicant(port);
        applicant.askForLink(email);
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? AND kind = 'SIGN_IN' ORDER BY id DESC")
                .param(email).query(String.class).list().get(0);
        String link = body.lines().filter(line -> line.contains("/portal/sign-in/confirm?token=")).findFirst().orElseThrow().strip();
        HttpResponse<String> in = applicant.useLink(link);
        if (!in.headers().firstValue("Location").orElse("").endsWith("/portal")) {
            throw new IllegalStateException("The sign-in link did not sign " + email + " in: " + in.statusCode());
        }
        return applicant;
    }

    private void remember(String page) {
        Matcher hidden = CSRF.matcher(page);
        Matcher meta = META_CSRF.matcher(page);
        if (hidden.find()) {
            csrf = hidden.group(1);
        } else if (meta.find()) {
            csrf = meta.group(1);
        }
    }
}
