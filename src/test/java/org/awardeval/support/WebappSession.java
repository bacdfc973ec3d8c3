package org.awardeval.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A log-in to one of Camunda's web applications as the browser makes it: the page's CSRF cookie first, then the
 * form; then the session's cookies and CSRF token for calls to the web application's own API.
 */
public final class WebappSession {

    /** What Tasklist sends with a filter's page and its count: no variable conditions, the earliest deadline first. */
    public static final String TASKLIST_QUERY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";

    private final TestRestTemplate rest;
    private final List<String> cookies;
    private final String csrf;
    private final ResponseEntity<String> login;

    private WebappSession(TestRestTemplate rest, List<String> cookies, String csrf, ResponseEntity<String> login) {
        this.rest = rest;
        this.cookies = cookies;
        this.csrf = csrf;
        this.login = login;
    }

    public static WebappSession login(TestRestTemplate rest, String app, String user, String password) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
        List<String> cookies = new ArrayList<>();
        merge(cookies, page);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
        headers.set("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"));
        ResponseEntity<String> login = rest.exchange(URI.create(rest.getRootUri() + "/camunda/api/admin/auth/user/default/login/" + app),
                HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
        merge(cookies, login);
        // The log-in starts a new session; its CSRF token comes with the next read, as in the browser.
        HttpHeaders session = new HttpHeaders();
        session.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
        ResponseEntity<String> read = rest.exchange(URI.create(rest.getRootUri() + "/camunda/api/engine/engine/default/task/count"),
                HttpMethod.GET, new HttpEntity<>(session), String.class);
        merge(cookies, read);
        String token = read.getHeaders().getFirst("X-XSRF-TOKEN");
        return new WebappSession(rest, cookies, token != null ? token : cookie(cookies, "XSRF-TOKEN"), login);
    }

    /** The answer to the log-in form. */
    public ResponseEntity<String> loginAnswer() {
        return login;
    }

    public ResponseEntity<String> post(String path, Object body) {
        return post(path, body, MediaType.APPLICATION_JSON);
    }

    /** A post answered in the given type, as Tasklist asks for a filter's tasks in HAL. */
    public ResponseEntity<String> post(String path, Object body, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(accept));
        headers.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
        headers.set("X-XSRF-TOKEN", csrf);
        return rest.exchange(URI.create(rest.getRootUri() + path), HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    public ResponseEntity<String> get(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
        return rest.exchange(URI.create(rest.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static void merge(List<String> cookies, ResponseEntity<?> answer) {
        answer.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream().map(c -> c.split(";", 2)[0]).forEach(c -> {
            cookies.removeIf(old -> old.split("=", 2)[0].equals(c.split("=", 2)[0]));
            cookies.add(c);
        });
    }

    private static String cookie(List<String> cookies, String name) {
        return cookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1)).findFirst().orElse("");
    }
}
