package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crossboard.testing.ReachableMongo;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The audit log records what SPEC.md A10 lists, verifies its hash chain and exports JSON and CSV. */
class AuditTrailTest {
  static ReachableMongo database;
  static MongoClient mongo;
  static TestServer server;
  static String url;

  @BeforeAll
  static void start() throws Exception {
    database = ReachableMongo.start();
    mongo = database.client();
    String mongoUrl = database.url();
    server = TestServer.start(Files.createTempDirectory("audit"), Map.of("MONGO_URL", mongoUrl));
    url = server.baseUrl();
  }

  @AfterAll
  static void stop() {
    server.stop();
    database.close();
  }

  static JsonObject audit(String token, String path) {
    HttpResponse<String> r = Rest.as(token).send("GET", url + path, null);
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  static List<String> actions(JsonObject log) {
    return log.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("action")).toList();
  }

  @Test
  @DisplayName("[A10] workspace and server events are chained, verifiable, exportable; tampering is detected")
  void auditTrail() throws Exception {
    TestAccess.Owner owner = TestAccess.owner(url); // the first account on this server: its administrator
    String ws = owner.workspace();
    String board = TestAccess.createBoard(url, "Audited =cmd|' /C calc'!A0");
    TestAccess.Account expert = TestAccess.signUp(url, "Expert");
    String code = TestAccess.invite(url, owner.token(), ws, null, "commenter", 1);
    assertEquals(200, Rest.as(expert.token()).send("POST", url + "/api/invites/accept",
        new JsonObject().put("code", code).encode()).statusCode());
    assertEquals(200, Rest.as(owner.token()).send("PUT", url + "/api/workspaces/" + ws + "/members/" + expert.userId(),
        new JsonObject().put("role", "viewer").encode()).statusCode());
    String revoked = TestAccess.invite(url, owner.token(), ws, board, "editor", 5);
    assertEquals(204, Rest.as(owner.token()).send("DELETE", url + "/api/invites/"
        + org.crossboard.access.InviteService.idOf(revoked), null).statusCode());
    Rest.export(url, board);
    assertEquals(204, Rest.as(owner.token()).send("DELETE", url + "/api/boards/" + board, null).statusCode());
    Rest.call("POST", url + "/api/auth/signin", new JsonObject().put("email", expert.email())
        .put("password", "not the password").encode());

    JsonObject log = audit(owner.token(), "/api/workspaces/" + ws + "/audit");
    assertTrue(log.getBoolean("valid"), log.encode());
    assertEquals(List.of("workspace.created", "board.created", "invite.created", "invite.used", "member.role_changed",
        "invite.created", "invite.revoked", "board.exported", "board.deleted"), actions(log));
    JsonArray entries = log.getJsonArray("entries");
    for (int i = 1; i < entries.size(); i++) {
      assertEquals(entries.getJsonObject(i - 1).getString("hash"), entries.getJsonObject(i).getString("prev"));
    }
    assertFalse(log.encode().contains(code), "invitation codes never reach the audit log");
    assertFalse(log.encode().contains(TestAccess.PASSWORD));

    JsonObject serverLog = audit(owner.token(), "/api/audit");
    assertTrue(serverLog.getBoolean("valid"));
    assertTrue(actions(serverLog).containsAll(List.of("account.created", "signin.failed")), actions(serverLog).toString());
    assertFalse(serverLog.encode().contains("not the password"));
    assertEquals(403, Rest.as(expert.token()).send("GET", url + "/api/audit", null).statusCode());
    assertEquals(403, Rest.as(expert.token()).send("GET", url + "/api/workspaces/" + ws + "/audit", null).statusCode());

    HttpResponse<String> csv = Rest.as(owner.token()).send("GET", url + "/api/workspaces/" + ws + "/audit?format=csv", null);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertEquals("seq,at,actor_id,actor_name,action,target,details,ip,prev,hash", lines[0]);
    assertEquals(entries.size() + 1, lines.length);
    assertFalse(csv.body().contains(",=cmd"), "formula-looking cells are defused");

    // an attacker with database access rewrites history: the chain says where
    mongo.updateCollection("audit", new JsonObject().put("chain", "w:" + ws).put("seq", 4L),
        new JsonObject().put("$set", new JsonObject().put("details", new JsonObject().put("role", "owner"))))
        .await(5, TimeUnit.SECONDS);
    JsonObject tampered = audit(owner.token(), "/api/workspaces/" + ws + "/audit");
    assertFalse(tampered.getBoolean("valid"));
    assertEquals(4, tampered.getLong("brokenAt"));
  }
}
