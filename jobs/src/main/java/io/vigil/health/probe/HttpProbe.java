package io.vigil.health.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    // of opening one each. Its connect timeout is only a backstop; the per-request timeout below bounds
    // connecting plus waiting for the response headers, which covers a server that accepts and never answers.
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
        try {
            URI url = Addresses.parseHttpUrl(target.address());
            HttpResponse<Void> response = CLIENT.send(request(url, target, attempt), HttpResponse.BodyHandlers.discarding());
            Duration latency = attempt.elapsed();
            int status = response.statusCode();
            Map<String, Object> details = Map.of("statusCode", status);
            if (status >= 500) {
                return ProbeOutcome.down(latency, "HttpStatus", attempt.scrub("HTTP " + status + " from " + url), details);
            }
            return ProbeOutcome.up(latency, null, details);
        } catch (Exception e) {
            return attempt.down(e);
        }
    }

    private static HttpRequest request(URI url, ProbeTarget target, ProbeAttempt attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .GET()
                .timeout(attempt.timeout())
                .header("User-Agent", "vigil-probe");
        if (target.username() != null && target.password() != null) {
            String credentials = target.username() + ":" + target.password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }
}
