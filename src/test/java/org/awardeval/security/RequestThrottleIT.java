package org.awardeval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.awardeval.AwardEvaluationApplication;
import org.awardeval.support.OwnJvm;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With the production limits: a stranger's wrong passwords are throttled per client on every way in, the owner of the
 * account still gets in (after Camunda's delay, never a permanent lock), and anonymous submissions are limited.
 * Clients are told apart by X-Forwarded-For, as behind the proxy that terminates TLS.
 */
@OwnJvm
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestThrottleIT {

    static final String USER = "victim";
    static final String PASSWORD = "right-password";

    ConfigurableApplicationContext app;
    String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start() {
        app = new SpringApplication(AwardEvaluationApplication.class).run("--server.port=0", "--award.admin-password=admin-pw",
                "--spring.datasource.url=jdbc:h2:mem:throttle;DB_CLOSE_DELAY=-1", "--camunda.bpm.job-execution.enabled=false",
                "--award.processes-watch=false", "--camunda.bpm.generic-properties.properties.login-delay-max-time=2",
                "--camunda.bpm.generic-properties.properties.login-delay-base=1");
        base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        IdentityService identity = app.getBean(IdentityService.class);
        User user = identity.newUser(USER);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(USER, Groups.COORDINATORS);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aStrangersWrongPasswordsAreThrottledOnEveryWayInAndTheOwnerGetsBackIn() throws Exception {
        String stranger = "203.0.113.7";
        int failures = 0;
        // Ten wrong passwords, spread over the five ways in, are answered as usual...
        for (int i = 0; i < 10; i++) {
            int status = switch (i % 5) {
                case 0 -> basic(stranger, "/engine-rest/task/count", "wrong" + i);
                case 1 -> basic(stranger, "/api/judges", "wrong" + i);
                case 2 -> webappLogin(stranger, "wrong" + i);
                case 3 -> basic(stranger, "/documents/1", "wrong" + i);
                default -> dashboardLogin(stranger, "wrong" + i);
            };
            assertThat(status).as("attempt %d", i).isIn(401, 302);
            failures++;
        }
        assertThat(failures).isEqualTo(10);
        // ...the next is refused before its password reaches the engine, on every way in, even a right one.
        assertThat(basic(stranger, "/engine-rest/task/count", "wrong")).isEqualTo(429);
        assertThat(basic(stranger, "/api/judges", PASSWORD)).isEqualTo(429);
        assertThat(basic(stranger, "/documents/1", PASSWORD)).isEqualTo(429);
        assertThat(webappLogin(stranger, "wrong")).isEqualTo(429);
        assertThat(dashboardLogin(stranger, "wrong")).isEqualTo(429);
        HttpResponse<String> refused = send(stranger, HttpRequest.newBuilder(URI.create(base + "/engine-rest/task/count"))
                .header("Authorization", basicHeader("wrong")).GET());
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Too many failed log-ins");

        // The owner, from their own address, gets in once Camunda's delay after a wrong password is over: no lock.
        String owner = "198.51.100.20";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int answer;
        do {
            Thread.sleep(500);
            answer = basic(owner, "/engine-rest/task/count", PASSWORD);
        } while (answer != 200 && System.nanoTime() < deadline);
        assertThat(answer).isEqualTo(200);
        assertThat(app.getBean(IdentityService.class).createUserQuery().userId(USER).singleResult()).isNotNull();
    }

    @Test
    void anonymousSubmissionsAreLimitedPerClient() throws Exception {
        String client = "192.0.2.99";
        int accepted = 0;
        int status;
        do {
            status = send(client, HttpRequest.newBuilder(URI.create(base + "/api/calls/999/applications"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode();
            if (status != 429) {
                accepted++;
            }
        } while (status != 429 && accepted < 100);
        assertThat(accepted).isEqualTo(30);
        assertThat(send("192.0.2.100", HttpRequest.newBuilder(URI.create(base + "/api/calls/999/applications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
                .as("another client").isNotEqualTo(429);
    }

    private int basic(String client, String path, String password) throws Exception {
        return send(client, HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basicHeader(password)).GET())
                .statusCode();
    }

    /** As Tasklist's log-in page does: first its CSRF cookie, then the form with the token. */
    private int webappLogin(String client, String password) throws Exception {
        HttpResponse<String> page = send(client, HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET());
        java.util.List<String> cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList();
        String csrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring("XSRF-TOKEN=".length()))
                .findFirst().orElse("");
        return send(client, HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", String.join("; ", cookies))
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + password))).statusCode();
    }

    private int dashboardLogin(String client, String password) throws Exception {
        HttpResponse<String> page = send(client, HttpRequest.newBuilder(URI.create(base + "/dashboard/login")).GET());
        String cookie = page.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse("");
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        return send(client, HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + password + "&_csrf=" + csrf)))
                .statusCode();
    }

    private static String basicHeader(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String client, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
    }
}
