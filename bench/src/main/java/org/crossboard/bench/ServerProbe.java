package org.crossboard.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;

/**
 * The generator's REST calls to the server nodes: creating the board (on the first node) and
 * reading every node's {@code /api/metrics}. Blocking; never called on an event loop.
 */
public final class ServerProbe {

    /** An HTTP answer; status -1 when the request itself failed. */
    public record Reply(int status, String body) {
    }

    private final HttpClient http;
    private final BenchConfig cfg;

    /**
     * @param http the generator's HTTP client
     * @param cfg  settings (node URLs)
     */
    public ServerProbe(HttpClient http, BenchConfig cfg) {
        this.http = http;
        this.cfg = cfg;
    }

    /** One request to node {@code node}; a JSON body when {@code body} is not null. */
    public Reply request(int node, HttpMethod method, String uri, String body) {
        return request(node, method, uri, body, null);
    }

    /** Like {@link #request(int, HttpMethod, String, String)}, with a bearer token when not null. */
    public Reply request(int node, HttpMethod method, String uri, String body, String token) {
        try {
            Future<Reply> f = http.request(method, cfg.port(node), cfg.host(node), uri).compose(req -> {
                if (token != null) {
                    req.putHeader("authorization", "Bearer " + token);
                }
                Future<HttpClientResponse> sent;
                if (body == null) {
                    sent = req.send();
                } else {
                    req.putHeader("content-type", "application/json");
                    sent = req.send(Buffer.buffer(body));
                }
                return sent.compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), b.toString())));
            });
            return f.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            return new Reply(-1, String.valueOf(e));
        }
    }

    /** Every node's {@code /api/metrics} (an entry is null when unreadable), each printed verbatim. */
    public JsonObject[] metrics(String when) {
        JsonObject[] out = new JsonObject[cfg.nodes()];
        for (int n = 0; n < out.length; n++) {
            Reply r = request(n, HttpMethod.GET, "/api/metrics", null);
            String node = cfg.nodes() > 1 ? " " + cfg.urls().get(n) : "";
            System.out.println("GET /api/metrics" + node + " (" + when + ") -> HTTP " + r.status + " " + r.body);
            try {
                out[n] = r.status == 200 ? new JsonObject(r.body) : null;
            } catch (RuntimeException e) {
                out[n] = null;
            }
        }
        return out;
    }
}
