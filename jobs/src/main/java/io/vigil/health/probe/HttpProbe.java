package io.vigil.health.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Checks an HTTP endpoint with a GET: reachable when the status is below 500. Redirects are not followed,
 * so a 3xx counts as an answer from the target itself.
 */
public final class HttpProbe implements Probe {

    // One client for every probe: it pools connections, so thousands of probes reuse a few sockets instead
    // of opening one each. Its connect timeout is only a backstop: the per-request timeout (the target's)
    // bounds the whole wait for the response headers, connecting included, so a server that accepts the
    // connection and never answers costs one timeout.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public Provider provider() {
        return Provider.HTTP;
    }

    @Override
    public ProbeOutcome probe(ProbeTarget target) {
        ProbeAttempt attempt = new ProbeAttempt(target);
        URI url;
        try {
            url = Addresses.parseHttpUrl(target.address());
        } catch (IllegalArgumentException e) {
            return attempt.down(e);
        }
        try {
            HttpResponse<Void> response = send(url, target, attempt);
            Duration latency = attempt.elapsed();
            int status = response.statusCode();
            Map<String, Object> details = Map.of("statusCode", status);
            if (status >= 500) {
                return ProbeOutcome.down(latency, "HttpStatus", attempt.scrub("HTTP " + status + " from " + url), details);
            }
            return ProbeOutcome.up(latency, null, details);
        } catch (Exception e) {
            // The client's own messages never say which URL failed ("request timed out").
            return attempt.down(e, "GET " + url);
        }
    }

    private static HttpResponse<Void> send(URI url, ProbeTarget target, ProbeAttempt attempt)
            throws IOException, InterruptedException {
        try {
            return CLIENT.send(request(url, target, attempt.timeout()), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            Duration left = attempt.remaining();
            if (e instanceof HttpTimeoutException || e instanceof ConnectException || !left.isPositive()) {
                throw e;
            }
            // Most likely a pooled keep-alive connection that the server closed just as it was reused (the
            // client then reads EOF before any byte of the answer). One more try, within what is left of the
            // timeout, tells whether the server is really gone, instead of reporting a healthy target DOWN.
            return CLIENT.send(request(url, target, left), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static HttpRequest request(URI url, ProbeTarget target, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .GET()
                .timeout(timeout)
                .header("User-Agent", "vigil-probe");
        if (target.username() != null && target.password() != null) {
            String credentials = target.username() + ":" + target.password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }
}
