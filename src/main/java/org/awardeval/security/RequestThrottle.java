package org.awardeval.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles, per client address, failed log-ins on every way in (Tasklist and Cockpit, the dashboard, HTTP Basic on
 * the engine REST API, the application's API and the documents' downloads) and anonymous submissions. A client over its limit is answered 429
 * before its password reaches the engine, so a stranger cannot keep a user's account locked: Camunda's own delay after
 * a wrong password lasts at most a minute and its permanent lock is off (application.yml).
 */
class RequestThrottle extends OncePerRequestFilter {

    /**
     * @param failedLogins      wrong passwords a client may send per window
     * @param failedLoginWindow the window over which failed log-ins are counted
     * @param submissions       applications a client without a log-in may send per window
     * @param submissionWindow  the window over which anonymous submissions are counted
     */
    @ConfigurationProperties(prefix = "award.throttle")
    public record Limits(Integer failedLogins, Duration failedLoginWindow, Integer submissions, Duration submissionWindow) {
        public Limits {
            failedLogins = failedLogins == null ? 10 : failedLogins;
            failedLoginWindow = failedLoginWindow == null ? Duration.ofMinutes(10) : failedLoginWindow;
            submissions = submissions == null ? 30 : submissions;
            submissionWindow = submissionWindow == null ? Duration.ofMinutes(10) : submissionWindow;
        }
    }

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
    private static final Pattern SUBMISSION = Pattern.compile("/api/calls/[^/]+/applications|/calls/[^/]+/apply");

    private final Limits limits;
    private final Cache<String, Bucket> failures;
    private final Cache<String, Bucket> submissions;

    RequestThrottle(Limits limits) {
        this.limits = limits;
        this.failures = CacheBuilder.newBuilder().maximumSize(100_000).expireAfterAccess(limits.failedLoginWindow()).build();
        this.submissions = CacheBuilder.newBuilder().maximumSize(100_000).expireAfterAccess(limits.submissionWindow()).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String client = request.getRemoteAddr();
        boolean post = "POST".equals(request.getMethod());
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && (path.startsWith("/engine-rest/") || path.startsWith("/api/") || path.startsWith("/documents/"));
        if (basic || (post && (WEBAPP_LOGIN.matcher(path).matches() || path.equals("/dashboard/login")))) {
            Bucket bucket = bucket(failures, client, limits.failedLogins(), limits.failedLoginWindow());
            EstimationProbe probe = bucket.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                refuse(response, probe.getNanosToWaitForRefill(), "Too many failed log-ins from your address");
                return;
            }
            chain.doFilter(request, response);
            if (failed(response)) {
                bucket.tryConsume(1);
            }
        } else if (post && authorization == null && SUBMISSION.matcher(path).matches()) {
            ConsumptionProbe probe = bucket(submissions, client, limits.submissions(), limits.submissionWindow())
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                refuse(response, probe.getNanosToWaitForRefill(), "Too many applications sent from your address");
                return;
            }
            chain.doFilter(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean failed(HttpServletResponse response) {
        String location = response.getHeader(HttpHeaders.LOCATION);
        return response.getStatus() == 401 || (response.getStatus() == 302 && location != null && location.contains("login?error"));
    }

    private static Bucket bucket(Cache<String, Bucket> buckets, String client, int capacity, Duration window) {
        try {
            return buckets.get(client, () -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void refuse(HttpServletResponse response, long nanosToWait, String what) throws IOException {
        long seconds = Math.max(1, Duration.ofNanos(nanosToWait).toSeconds() + 1);
        long minutes = (seconds + 59) / 60;
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"message\":\"" + what + ". Please try again in " + minutes + (minutes == 1 ? " minute" : " minutes")
                + ".\"}");
    }
}
