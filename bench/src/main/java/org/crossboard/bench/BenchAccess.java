package org.crossboard.bench;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * Gets every simulated user in through the front door: a bench account signs up, creates a
 * workspace, a board and one editor invitation with a use per client; each client joins as a
 * guest through it (guest joins hash no passwords, so setup stays quick). With {@code --invite}
 * the board of an existing invitation is used instead.
 */
public final class BenchAccess {

    private BenchAccess() {
    }

    /**
     * The board under test, each client's token and user id, and the token of the account that
     * owns the board (null with {@code --invite}).
     */
    public record Setup(String board, String[] tokens, String[] users, String ownerToken) {
    }

    /** Signs up the owner (unless {@code --invite}) and joins one guest per client. */
    public static Setup prepare(ServerProbe probe, BenchConfig cfg) {
        String code = cfg.invite();
        String ownerToken = null;
        if (code == null) {
            String email = "bench-" + System.nanoTime() + "@bench.invalid";
            JsonObject account = ok(probe.request(0, HttpMethod.POST, "/api/auth/signup", new JsonObject()
                .put("email", email).put("password", "bench password " + System.nanoTime())
                .put("name", "Bench owner").encode()), "sign up");
            String token = account.getString("token");
            ownerToken = token;
            String ws = ok(probe.request(0, HttpMethod.POST, "/api/workspaces",
                new JsonObject().put("name", "Bench").encode(), token), "create workspace").getString("id");
            String board = ok(probe.request(0, HttpMethod.POST, "/api/workspaces/" + ws + "/boards",
                new JsonObject().put("title", "bench").encode(), token), "create board").getString("id");
            code = ok(probe.request(0, HttpMethod.POST, "/api/workspaces/" + ws + "/invites", new JsonObject()
                .put("role", "editor").put("board", board).put("expiresInHours", 24)
                .put("maxUses", Math.max(1, cfg.clients())).encode(), token), "create invitation").getString("code");
        }
        String[] tokens = new String[cfg.clients()];
        String[] users = new String[cfg.clients()];
        String board = null;
        for (int i = 0; i < tokens.length; i++) {
            JsonObject guest = ok(probe.request(i % cfg.nodes(), HttpMethod.POST, "/api/invites/guest",
                new JsonObject().put("code", code).put("name", "bench-" + i).encode()), "join as guest " + i);
            tokens[i] = guest.getString("token");
            JsonObject user = guest.getJsonObject("user");
            users[i] = user == null ? null : user.getString("id");
            board = guest.getString("board");
        }
        return new Setup(board, tokens, users, ownerToken);
    }

    private static JsonObject ok(ServerProbe.Reply r, String what) {
        if (r.status() < 200 || r.status() > 299) {
            throw new IllegalStateException("cannot " + what + ": HTTP " + r.status() + " " + r.body());
        }
        return new JsonObject(r.body());
    }
}
