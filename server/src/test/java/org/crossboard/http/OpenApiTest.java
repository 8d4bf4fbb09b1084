package org.crossboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossboard.access.Action;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document ({@code openapi.json}, served at {@code /api/openapi.json}) is valid
 * OpenAPI 3.1, documents exactly the routes the node mounts, and says what the server does: its
 * examples are accepted, every answer matches the documented status and schema, its body limits
 * are the ones {@link RequestBodies} enforces, and its error codes are {@link ErrorCode}'s.
 */
class OpenApiTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final Pattern ROUTE_PARAM = Pattern.compile(":([A-Za-z0-9_]+)");
  private static final Pattern DOC_PARAM = Pattern.compile("\\{([^}]+)}");
  private static Vertx vertx;
  /** The document as served. */
  private static JsonObject doc;
  /** The document as vertx-openapi takes it (see {@link #supportedByVertx}). */
  private static OpenAPIContract contract;
  private static ResponseValidator responses;
  private static TestAccess.Owner owner;
  private static String board;
  /** The ended session (with its recap) on {@link #board}; see {@link #endedSession}. */
  private static String endedSession;
  /** The comment thread on {@link #board}, and the member it mentions (so notified); see {@link #commentThread}. */
  private static String thread;
  private static TestAccess.Account notified;
  /** The media type of the Web Annotation export (W3C Web Annotation Protocol). */
  private static final String ANNOTATIONS = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

  /** One documented operation. */
  private record Op(String id, String method, String path, JsonObject json) {
    boolean secured() {
      JsonArray own = json.getJsonArray("security");
      return own == null ? !doc.getJsonArray("security", new JsonArray()).isEmpty() : !own.isEmpty();
    }

    JsonObject requestBody() {
      JsonObject body = json.getJsonObject("requestBody");
      return body == null ? null : body.getJsonObject("content").getJsonObject("application/json");
    }

    /** The examples of the request body, by name (one unnamed {@code example} is called "example"). */
    Map<String, JsonObject> examples() {
      Map<String, JsonObject> out = new LinkedHashMap<>();
      JsonObject media = requestBody();
      if (media != null) {
        if (media.containsKey("example")) {
          out.put("example", media.getJsonObject("example"));
        }
        media.getJsonObject("examples", new JsonObject())
            .forEach(e -> out.put(e.getKey(), ((JsonObject) e.getValue()).getJsonObject("value")));
      }
      return out;
    }

    /** The documented response for a status, its $ref resolved; null when there is none. */
    JsonObject response(int status) {
      Object response = json.getJsonObject("responses").getValue(Integer.toString(status));
      return response == null ? null : resolve((JsonObject) response);
    }

    int success() {
      return json.getJsonObject("responses").fieldNames().stream().filter(s -> s.startsWith("2"))
          .mapToInt(Integer::parseInt).min().orElseThrow(() -> new AssertionError(id + " documents no success"));
    }
  }

  /** A call of an operation: who makes it (token may be null), its path and query, and its body. */
  private record Call(String token, Map<String, String> params, String query, JsonObject body) {
    Call withBody(JsonObject other) {
      return new Call(token, params, query, other);
    }

    Call withQuery(String other) {
      return new Call(token, params, other, body);
    }

    Call withToken(String other) {
      return new Call(other, params, query, body);
    }
  }

  @BeforeAll
  static void load() throws Exception {
    vertx = Vertx.vertx();
    owner = TestAccess.owner(server.baseUrl()); // the first account: the server administrator
    board = TestAccess.createBoard(server.baseUrl(), "OpenAPI board");
    HttpResponse<String> served = Rest.call("GET", server.baseUrl() + OpenApiDocument.PATH, null);
    assertEquals(200, served.statusCode(), served.body());
    doc = new JsonObject(served.body());
    contract = OpenAPIContract.from(vertx, supportedByVertx(doc.copy())).await(30, TimeUnit.SECONDS);
    responses = ResponseValidator.create(vertx, contract);
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  /**
   * vertx-openapi refuses documents with media types it cannot validate; the ones ours uses are
   * {@code text/csv} (audit log, recap, threads), {@code text/markdown} (recap) and JSON-LD (the
   * threads' Web Annotations), which {@link #assertDocumented} then checks by hand.
   */
  private static JsonObject supportedByVertx(JsonObject document) {
    Set<String> removed = new TreeSet<>();
    removeUnsupported(document, removed);
    assertEquals(Set.of("text/csv", "text/markdown", ANNOTATIONS), removed, "media types vertx-openapi cannot load");
    return document;
  }

  private static void removeUnsupported(Object node, Set<String> removed) {
    if (node instanceof JsonObject o) {
      if (o.getValue("content") instanceof JsonObject content) {
        for (String type : new ArrayList<>(content.fieldNames())) {
          if (!MediaType.isMediaTypeSupported(type)) {
            content.remove(type);
            removed.add(type);
          }
        }
      }
      o.forEach(e -> removeUnsupported(e.getValue(), removed));
    } else if (node instanceof JsonArray a) {
      a.forEach(v -> removeUnsupported(v, removed));
    }
  }

  private static List<Op> operations() {
    List<Op> ops = new ArrayList<>();
    doc.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).forEach(entry -> {
      if (METHODS.contains(entry.getKey())) {
        JsonObject op = (JsonObject) entry.getValue();
        ops.add(new Op(op.getString("operationId"), entry.getKey(), path.getKey(), op));
      }
    }));
    return ops;
  }

  private static Op operation(String id) {
    return operations().stream().filter(op -> op.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no operation " + id));
  }

  /** A local {@code $ref} ("#/components/…") followed until it names no other. */
  private static JsonObject resolve(JsonObject node) {
    while (node.containsKey("$ref")) {
      String ref = node.getString("$ref");
      assertTrue(ref.startsWith("#/"), ref);
      Object at = doc;
      for (String part : ref.substring(2).split("/")) {
        at = ((JsonObject) at).getValue(part);
        assertNotNull(at, "unresolved " + ref);
      }
      node = (JsonObject) at;
    }
    return node;
  }

  @Test
  @DisplayName("the document is valid OpenAPI 3.1: the 3.1 schema accepts it as it is and vertx-openapi loads it")
  void validOpenApi31() throws Exception {
    assertEquals("3.1.0", doc.getString("openapi"));
    OpenAPIVersion version = OpenAPIVersion.fromContract(doc);
    assertEquals(OpenAPIVersion.V3_1, version);
    OutputUnit result = version.getRepository(vertx, "app://crossboard/")
        .compose(repository -> version.validateContract(vertx, repository, doc)).await(30, TimeUnit.SECONDS);
    assertTrue(result.getValid(), () -> "not OpenAPI 3.1: " + result.getErrors());
    assertEquals(operations().size(), contract.operations().size());
    assertEquals(operations().size(), operations().stream().map(Op::id).distinct().count(), "operationIds are unique");
  }

  @Test
  @DisplayName("GET /api/openapi.json serves the checked-in document as JSON, without a token")
  void servedAsCheckedIn() throws Exception {
    HttpResponse<String> r = Rest.call("GET", server.baseUrl() + "/api/openapi.json", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiDocument.RESOURCE)) {
      assertNotNull(in);
      assertEquals(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)), new JsonObject(r.body()));
    }
  }

  @Test
  @DisplayName("every /api route the node mounts is documented, and every documented operation is mounted")
  void documentedRoutesAreTheMountedOnes() {
    Set<String> mounted = new TreeSet<>();
    for (Route route : server.server().routes()) {
      String path = route.getPath();
      if (path == null) {
        fail("a route made of a regular expression cannot be checked against the document: " + route);
      }
      if (!(path.equals("/api") || path.startsWith("/api/"))) {
        continue;
      }
      if (!route.isExactPath()) {
        // body limit, error mapping: handlers in front of the operations, not operations of their own
        assertTrue(route.methods() == null || route.methods().isEmpty(),
            "a prefix route that answers requests is not documentable: " + path + " " + route.methods());
        continue;
      }
      assertFalse(route.methods() == null || route.methods().isEmpty(),
          "an /api route answers every method: " + path);
      String template = ROUTE_PARAM.matcher(path).replaceAll("{$1}");
      route.methods().forEach(m -> mounted.add(m.name() + " " + template));
    }
    Set<String> documented = new TreeSet<>();
    operations().forEach(op -> documented.add(op.method().toUpperCase() + " " + op.path()));
    assertEquals(documented, mounted);
  }

  @Test
  @DisplayName("each operation documents exactly its path's parameters")
  void pathParameters() {
    for (Op op : operations()) {
      Set<String> inPath = new TreeSet<>();
      Matcher m = DOC_PARAM.matcher(op.path());
      while (m.find()) {
        inPath.add(m.group(1));
      }
      Set<String> declared = new TreeSet<>();
      JsonArray all = new JsonArray();
      doc.getJsonObject("paths").getJsonObject(op.path()).getJsonArray("parameters", new JsonArray()).forEach(all::add);
      op.json().getJsonArray("parameters", new JsonArray()).forEach(all::add);
      all.forEach(p -> {
        JsonObject param = resolve((JsonObject) p);
        if ("path".equals(param.getString("in"))) {
          declared.add(param.getString("name"));
        }
      });
      assertEquals(inPath, declared, op.id());
    }
  }

  @Test
  @DisplayName("the error codes are ErrorCode's with their HTTP status, and each error response names only codes of its status")
  void errorCodes() {
    JsonArray codes = doc.getJsonObject("components").getJsonObject("schemas").getJsonObject("ErrorCode")
        .getJsonArray("oneOf");
    Map<String, JsonObject> documented = new LinkedHashMap<>();
    codes.forEach(c -> documented.put(((JsonObject) c).getString("const"), (JsonObject) c));
    List<String> names = new ArrayList<>();
    for (ErrorCode code : ErrorCode.values()) {
      names.add(code.name());
    }
    assertEquals(names, new ArrayList<>(documented.keySet()), "ErrorCode's codes, in its order");
    documented.forEach((code, c) ->
        assertEquals(ErrorCode.valueOf(code).httpStatus(), c.getInteger("x-http-status"), code));

    Set<String> answered = new TreeSet<>();
    for (Op op : operations()) {
      op.json().getJsonObject("responses").fieldNames().stream().mapToInt(Integer::parseInt).filter(s -> s >= 400)
          .filter(status -> isErrorShape(op.response(status))) // readiness answers 503 with its own body
          .forEach(status -> {
            for (String code : errorCodes(op.response(status))) {
              assertEquals(status, ErrorCode.valueOf(code).httpStatus(), op.id() + " " + status + " " + code);
              assertFalse(documented.get(code).getBoolean("x-socket-only", false), op.id() + " answers " + code);
              answered.add(code);
            }
          });
      if (op.secured()) {
        assertEquals(List.of("ERR_UNAUTHORIZED"), errorCodes(op.response(401)), op.id());
      }
      if (op.requestBody() != null) {
        assertTrue(errorCodes(op.response(400)).contains("ERR_MALFORMED"), op.id());
      }
      assertEquals(List.of("ERR_TOO_LARGE"), errorCodes(op.response(413)), op.id());
      assertEquals(List.of("ERR_INTERNAL"), errorCodes(op.response(500)), op.id());
    }
    Set<String> rest = new TreeSet<>();
    documented.forEach((code, c) -> {
      if (!c.getBoolean("x-socket-only", false)) {
        rest.add(code);
      }
    });
    // answered for paths and methods that are not operations, so no operation lists them
    rest.remove(ErrorCode.ERR_METHOD_NOT_ALLOWED.name());
    assertEquals(rest, answered, "every REST code is some operation's answer");
  }

  /** Whether a response is the {@code {code, message}} error shape (every 4xx/5xx but readiness' 503). */
  private static boolean isErrorShape(JsonObject response) {
    return response.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
        .containsKey("allOf");
  }

  /** The codes an error response allows ({@code allOf: [Error, {properties: {code: {enum}}}]}). */
  private static List<String> errorCodes(JsonObject response) {
    assertNotNull(response);
    JsonArray allOf = response.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
        .getJsonArray("allOf");
    assertEquals("#/components/schemas/Error", allOf.getJsonObject(0).getString("$ref"));
    return allOf.getJsonObject(1).getJsonObject("properties").getJsonObject("code").getJsonArray("enum").stream()
        .map(Object::toString).toList();
  }

  @Test
  @DisplayName("operations name the actions of docs/SECURITY.md: every REST action, and nothing else")
  void securityActions() throws Exception {
    Set<String> rest = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("../docs/SECURITY.md"))) {
      if (line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        if (!cells[2].strip().startsWith("socket")) {
          rest.add(Action.valueOf(cells[1].strip().replace("`", "")).name());
        }
      }
    }
    Set<String> named = new TreeSet<>();
    operations().forEach(op -> op.json().getJsonArray("x-crossboard-action", new JsonArray())
        .forEach(a -> named.add(Action.valueOf((String) a).name())));
    assertEquals(rest, named);
  }

  @Test
  @DisplayName("[A2] calls documented with the bearer scheme answer 401 without a token; the others do not ask for one")
  void securityIsWhatTheServerAsks() throws Exception {
    for (Op op : operations()) {
      Map<String, String> params = new TreeMap<>();
      Matcher m = DOC_PARAM.matcher(op.path());
      while (m.find()) {
        params.put(m.group(1), "nothing-here");
      }
      JsonObject body = op.examples().values().stream().findFirst().orElse(null);
      HttpResponse<String> r = send(op, new Call(null, params, null, body));
      String code = r.statusCode() >= 400 ? new JsonObject(r.body()).getString("code") : null;
      if (op.secured()) {
        assertEquals(401, r.statusCode(), op.id() + ": " + r.body());
        assertEquals("ERR_UNAUTHORIZED", code, op.id());
      } else {
        assertNotEquals("ERR_UNAUTHORIZED", code, op.id());
      }
      assertDocumented(op, r);
    }
  }

  @Test
  @DisplayName("every request body example is valid by its schema, and the server takes it as valid (no 400)")
  void examplesAreAccepted() throws Exception {
    int checked = 0;
    for (Op op : operations()) {
      if (op.requestBody() == null) {
        continue;
      }
      Map<String, JsonObject> examples = op.examples();
      assertFalse(examples.isEmpty(), op.id() + " has no request body example");
      for (Map.Entry<String, JsonObject> example : examples.entrySet()) {
        String what = op.id() + " example " + example.getKey();
        OutputUnit valid = schemaVerdict(op, example.getValue());
        assertTrue(valid.getValid(), () -> what + ": " + valid.getErrors());
        HttpResponse<String> r = send(op, plan(op, example.getValue()).withBody(example.getValue()));
        assertNotEquals(400, r.statusCode(), what + ": " + r.body());
        assertDocumented(op, r);
        checked++;
      }
    }
    assertTrue(checked >= 10, "examples checked: " + checked);
  }

  @Test
  @DisplayName("every operation, called as its example shows, answers its documented success in the documented shape")
  void everyOperationAnswersAsDocumented() throws Exception {
    for (Op op : operations()) {
      List<JsonObject> examples = new ArrayList<>(op.examples().values());
      if (examples.isEmpty()) {
        examples.add(null);
      }
      for (JsonObject example : examples) {
        HttpResponse<String> r = send(op, plan(op, example));
        assertEquals(op.success(), r.statusCode(), op.id() + ": " + r.body());
        assertDocumented(op, r);
      }
    }
    Op audit = operation("getWorkspaceAudit");
    HttpResponse<String> csv = send(audit, plan(audit, null).withQuery("format=csv"));
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(audit.response(200).getJsonObject("content").containsKey("text/csv"));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));

    // the recap: JSON as an attachment (checked against its schema), Markdown and CSV by hand
    Op recap = operation("getSessionRecap");
    String sid = endedSession();
    assertDocumented(recap, send(recap, plan(recap, null).withQuery("format=json")));
    HttpResponse<String> md = send(recap, plan(recap, null).withQuery("format=md"));
    assertEquals(200, md.statusCode(), md.body());
    assertTrue(md.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
    assertTrue(recap.response(200).getJsonObject("content").containsKey("text/markdown"));
    assertEquals("attachment; filename=\"recap-" + sid + ".md\"", md.headers().firstValue("Content-Disposition").orElse(""));
    assertTrue(md.body().startsWith("# OpenAPI session\n"), md.body());
    assertTrue(md.body().contains("## Attendance"), md.body());
    HttpResponse<String> recapCsv = send(recap, plan(recap, null).withQuery("format=csv"));
    assertEquals(200, recapCsv.statusCode(), recapCsv.body());
    assertTrue(recapCsv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(recap.response(200).getJsonObject("content").containsKey("text/csv"));
    assertEquals("attachment; filename=\"recap-" + sid + ".csv\"",
        recapCsv.headers().firstValue("Content-Disposition").orElse(""));
    List<String> lines = recapCsv.body().lines().toList();
    assertTrue(recap.response(200).getJsonObject("content").getJsonObject("text/csv").getJsonObject("schema")
        .getString("description").contains("`" + lines.get(0) + "`"), "the documented header: " + lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("phase,Ideas,5,")), recapCsv.body());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("vote,")), recapCsv.body());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("attendance,")), recapCsv.body());

    // participants get the recap without who attended, and the participants' view of the session
    String editor = member().token();
    HttpResponse<String> theirs = send(recap, plan(recap, null).withToken(editor));
    assertDocumented(recap, theirs);
    assertFalse(new JsonObject(theirs.body()).containsKey("attendance"), theirs.body());
    assertTrue(new JsonObject(send(recap, plan(recap, null)).body()).containsKey("attendance"));
    Op session = operation("getSession");
    HttpResponse<String> theirView = send(session, plan(session, null).withToken(editor));
    assertDocumented(session, theirView);
    assertFalse(new JsonObject(theirView.body()).getJsonObject("recap").containsKey("attendance"), theirView.body());

    // threads: the filters, and the exports — Web Annotations (JSON-LD) and CSV, both checked against the document
    String tid = commentThread();
    Op threads = operation("listThreads");
    HttpResponse<String> mentioned = send(threads, plan(threads, null).withToken(notified.token())
        .withQuery("state=open&kind=question&mentions=me"));
    assertDocumented(threads, mentioned);
    assertEquals(tid, new JsonObject(mentioned.body()).getJsonArray("threads").getJsonObject(0).getString("id"));
    Op export = operation("exportThreads");
    HttpResponse<String> ld = send(export, plan(export, null).withQuery("format=annotation"));
    assertEquals(200, ld.statusCode(), ld.body());
    assertDocumented(export, ld);
    assertEquals(ANNOTATIONS, ld.headers().firstValue("Content-Type").orElse(""));
    assertEquals("attachment; filename=\"comments-" + board + ".jsonld\"",
        ld.headers().firstValue("Content-Disposition").orElse(""));
    JsonObject collection = new JsonObject(ld.body());
    JsonArray items = collection.getJsonObject("first").getJsonArray("items");
    assertEquals(items.size(), collection.getInteger("total"));
    JsonObject annotation = items.stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("id").endsWith("#thread-" + tid)).findFirst().orElseThrow(() -> new AssertionError(ld.body()));
    assertEquals("questioning", annotation.getString("motivation"));
    assertEquals("xywh=1,2,0,0", annotation.getJsonObject("target").getJsonObject("selector").getString("value"));
    HttpResponse<String> threadsCsv = send(export, plan(export, null).withQuery("format=csv"));
    assertEquals(200, threadsCsv.statusCode(), threadsCsv.body());
    assertDocumented(export, threadsCsv);
    assertTrue(threadsCsv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertEquals("attachment; filename=\"comments-" + board + ".csv\"",
        threadsCsv.headers().firstValue("Content-Disposition").orElse(""));
    List<String> rows = threadsCsv.body().lines().toList();
    assertTrue(export.response(200).getJsonObject("content").getJsonObject("text/csv").getJsonObject("schema")
        .getString("description").contains("`" + rows.get(0) + "`"), "the documented header: " + rows.get(0));
    assertTrue(rows.stream().anyMatch(l -> l.startsWith(tid + ",question,open,")), threadsCsv.body());

    // notifications: the long poll with wait=0 answers at once; marking one read; a wait with nothing newer
    Op notifications = operation("listNotifications");
    HttpResponse<String> atOnce = send(notifications, plan(notifications, null)
        .withQuery("unread=true&after=" + System.currentTimeMillis() + "&wait=0"));
    assertEquals(200, atOnce.statusCode(), atOnce.body());
    assertDocumented(notifications, atOnce);
    JsonObject unread = new JsonObject(atOnce.body());
    assertEquals(1, unread.getInteger("unread"), atOnce.body());
    JsonObject mention = unread.getJsonArray("notifications").getJsonObject(0);
    assertEquals(tid, mention.getString("thread"));
    Op markRead = operation("markNotificationsRead");
    HttpResponse<String> read = send(markRead, new Call(notified.token(), Map.of(), null,
        new JsonObject().put("ids", new JsonArray().add(mention.getString("_id")))));
    assertDocumented(markRead, read);
    assertEquals(0, new JsonObject(read.body()).getInteger("unread"), read.body());
    long asked = System.currentTimeMillis();
    HttpResponse<String> waited = send(notifications, plan(notifications, null)
        .withQuery("unread=true&after=" + asked + "&wait=1"));
    long took = System.currentTimeMillis() - asked;
    assertDocumented(notifications, waited);
    assertTrue(took >= 900 && took < 10_000, "answered after its wait: " + took + " ms");
    assertEquals(new JsonObject().put("notifications", new JsonArray()).put("unread", 0), new JsonObject(waited.body()));
  }

  @Test
  @DisplayName("refusals answer a documented status with a documented code")
  void refusalsAreDocumented() throws Exception {
    String base = server.baseUrl();
    TestAccess.Account stranger = TestAccess.signUp(base, "Stranger");
    Map<String, String> ws = Map.of("ws", owner.workspace());
    List<Refusal> refusals = List.of(
        new Refusal("createBoard", new Call(owner.token(), ws, null, new JsonObject().put("title", " ")),
            400, "ERR_INVALID"),
        new Refusal("createWorkspace", new Call(owner.token(), Map.of(), null, null), 400, "ERR_MALFORMED"),
        new Refusal("signIn", new Call(null, Map.of(), null,
            new JsonObject().put("email", stranger.email()).put("password", "wrong")), 401, "ERR_BAD_CREDENTIALS"),
        new Refusal("signUp", new Call(null, Map.of(), null, new JsonObject().put("email", stranger.email())
            .put("password", TestAccess.PASSWORD).put("name", "Again")), 409, "ERR_EMAIL_TAKEN"),
        new Refusal("getWorkspace", new Call(stranger.token(), ws, null, null), 404, "ERR_NOT_FOUND"),
        new Refusal("getBoard", new Call(stranger.token(), Map.of("id", board), null, null), 404, "ERR_BOARD_NOT_FOUND"),
        new Refusal("getServerAudit", new Call(stranger.token(), Map.of(), null, null), 403, "ERR_FORBIDDEN"),
        new Refusal("removeWorkspaceMember", new Call(owner.token(),
            Map.of("ws", owner.workspace(), "user", owner.account().userId()), null, null), 409, "ERR_LAST_OWNER"),
        new Refusal("changePassword", new Call(stranger.token(), Map.of(), null,
            new JsonObject().put("current", "not it").put("password", "a brand new passphrase")), 403,
            "ERR_WRONG_PASSWORD"),
        new Refusal("previewInvite", new Call(null, Map.of(), null, new JsonObject().put("code", 42)), 410,
            "ERR_INVITE_INVALID"),
        new Refusal("getSession", new Call(owner.token(), Map.of("id", board, "sid", "s_0000000000000000"), null, null),
            404, "ERR_NOT_FOUND"),
        new Refusal("listSessions", new Call(stranger.token(), Map.of("id", board), null, null), 404,
            "ERR_BOARD_NOT_FOUND"),
        new Refusal("getSessionAttendance", new Call(member().token(), Map.of("id", board, "sid", endedSession()),
            null, null), 403, "ERR_FORBIDDEN"),
        new Refusal("getSessionRecap", liveSession(), 409, "ERR_SESSION_STATE"),
        new Refusal("getThread", new Call(owner.token(), Map.of("id", board, "tid", "tNoSuchThreadHere000000"), null, null),
            404, "ERR_NOT_FOUND"),
        new Refusal("getThread", new Call(owner.token(), Map.of("id", TestAccess.createBoard(base, "Another board"),
            "tid", commentThread()), null, null), 404, "ERR_NOT_FOUND"),
        new Refusal("listThreads", new Call(owner.token(), Map.of("id", board), "state=maybe", null), 400, "ERR_INVALID"),
        new Refusal("listThreads", new Call(owner.token(), Map.of("id", board), "mentions=you", null), 400,
            "ERR_INVALID"),
        new Refusal("exportThreads", new Call(stranger.token(), Map.of("id", board), "format=csv", null), 404,
            "ERR_BOARD_NOT_FOUND"),
        new Refusal("listNotifications", new Call(stranger.token(), Map.of(), "after=yesterday&wait=5", null), 400,
            "ERR_INVALID"),
        new Refusal("listNotifications", new Call(stranger.token(), Map.of(), "wait=" + (maxWait() + 1), null), 400,
            "ERR_INVALID"),
        new Refusal("markNotificationsRead", new Call(stranger.token(), Map.of(), null,
            new JsonObject().put("all", false)), 400, "ERR_INVALID"),
        new Refusal("setMute", new Call(stranger.token(), Map.of(), null, new JsonObject().put("board", board)
            .put("thread", commentThread()).put("muted", true)), 400, "ERR_INVALID"),
        new Refusal("listTranslations", new Call(owner.token(), Map.of("id", board), "lang=pt_BR", null), 400,
            "ERR_INVALID"),
        new Refusal("setTranslation", new Call(owner.token(), Map.of("id", board, "record", "no-such-note", "prop", "text",
            "lang", "fr"), null, new JsonObject().put("text", "Bonjour")), 404, "ERR_NOT_FOUND"));
    for (Refusal refusal : refusals) {
      Op op = operation(refusal.operation());
      HttpResponse<String> r = send(op, refusal.call());
      assertEquals(refusal.status(), r.statusCode(), op.id() + ": " + r.body());
      assertEquals(refusal.code(), new JsonObject(r.body()).getString("code"), op.id());
      assertDocumented(op, r);
    }
    HttpResponse<String> tooLarge = Rest.call("POST", base + "/api/auth/signin", "{\"x\":\"" + "x".repeat(70_000) + "\"}");
    assertEquals(413, tooLarge.statusCode());
    assertDocumented(operation("signIn"), tooLarge);
  }

  /**
   * Probes made from each body schema (each limit and one past it, each enum value and one that is
   * not, wrong types, nulls, missing required fields) get the same verdict from the schema and from
   * the {@link RequestBodies} method the server parses that body with; and fields are checked in
   * the order the schema lists them.
   */
  @Test
  @DisplayName("[A11] the body schemas have the limits RequestBodies enforces, and list fields in the order they are checked")
  void bodySchemasAreRequestBodies() {
    Map<String, Function<JsonObject, ?>> parsers = Map.ofEntries(
        Map.entry("signUp", RequestBodies::signUp),
        Map.entry("signIn", RequestBodies::signIn),
        Map.entry("changePassword", RequestBodies::passwordChange),
        Map.entry("setMyLanguage", RequestBodies::accountLanguage),
        Map.entry("createWorkspace", RequestBodies::workspaceName),
        Map.entry("createBoard", RequestBodies::boardTitle),
        Map.entry("setWorkspaceRole", RequestBodies::role),
        Map.entry("setBoardRole", RequestBodies::role),
        Map.entry("createInvite", RequestBodies::newInvite),
        Map.entry("previewInvite", RequestBodies::inviteCode),
        Map.entry("acceptInvite", RequestBodies::inviteCode),
        Map.entry("joinAsGuest", RequestBodies::guestJoin),
        Map.entry("markNotificationsRead", RequestBodies::markRead),
        Map.entry("setMute", RequestBodies::mute),
        Map.entry("setTranslation", RequestBodies::translation));
    Set<String> withBodies = new TreeSet<>();
    int probes = 0;
    for (Op op : operations()) {
      if (op.requestBody() == null) {
        continue;
      }
      withBodies.add(op.id());
      Function<JsonObject, ?> parse = parsers.get(op.id());
      assertNotNull(parse, "which RequestBodies method parses " + op.id() + "?");
      JsonObject schema = resolve(op.requestBody().getJsonObject("schema"));
      JsonObject base = op.examples().values().iterator().next();
      List<String> required = schema.getJsonArray("required", new JsonArray()).stream().map(Object::toString).toList();
      JsonObject properties = schema.getJsonObject("properties");
      // fields that stand for one another (oneOf, anyOf) make a field's verdict depend on the others:
      // those bodies are probed by hand below
      boolean alternatives = schema.containsKey("oneOf") || schema.containsKey("anyOf");
      for (String field : alternatives ? List.<String>of() : properties.fieldNames()) {
        JsonObject property = resolve(properties.getJsonObject(field));
        boolean neverRefused = property.containsKey("x-crossboard-refused-with");
        for (Probe probe : probes(field, property, required.contains(field))) {
          JsonObject body = base.copy();
          if (probe.absent()) {
            body.remove(field);
          } else {
            body.put(field, probe.value());
          }
          String what = op.id() + " " + field + " = " + (probe.absent() ? "(absent)" : abbreviated(probe.value()));
          boolean bySchema = schemaVerdict(op, body).getValid();
          if (!neverRefused) {
            assertEquals(probe.valid(), bySchema, "the schema's verdict on " + what);
          }
          assertEquals(neverRefused || probe.valid(), accepts(parse, body), "RequestBodies' verdict on " + what);
          probes++;
        }
      }
      // all fields from the i-th on are bad: the refusal names the i-th
      List<String> checked = properties.fieldNames().stream()
          .filter(f -> !resolve(properties.getJsonObject(f)).containsKey("x-crossboard-refused-with")).toList();
      for (int i = 0; i < checked.size(); i++) {
        JsonObject body = base.copy();
        for (String bad : checked.subList(i, checked.size())) {
          body.put(bad, wrongType(resolve(properties.getJsonObject(bad))));
        }
        String message = refusal(parse, body);
        assertTrue(Pattern.compile("\\b" + checked.get(i) + "\\b").matcher(message).find(),
            op.id() + ": with " + checked.subList(i, checked.size()) + " bad the refusal is \"" + message + "\"");
      }
    }
    assertEquals(parsers.keySet(), withBodies);
    assertTrue(probes > 100, "probes: " + probes);

    // email's shape is a pattern; probe it by hand
    Op signUp = operation("signUp");
    JsonObject base = signUp.examples().get("example");
    Map<String, Boolean> emails = new LinkedHashMap<>();
    emails.put("l".repeat(64) + "@" + "d".repeat(189), true);
    emails.put("l".repeat(65) + "@example.org", false);
    emails.put("a@" + "d".repeat(190), false);
    emails.put("two@at@example.org", false);
    emails.put("white space@example.org", false);
    emails.put("no-at-sign", false);
    emails.put("@example.org", false);
    emails.forEach((email, valid) -> {
      JsonObject body = base.copy().put("email", email);
      assertEquals(valid, schemaVerdict(signUp, body).getValid(), "schema: email " + email);
      assertEquals(valid, accepts(RequestBodies::signUp, body), "RequestBodies: email " + email);
    });

    // documented: the server strips surrounding whitespace before checking a length; the schema
    // describes values as sent, so a padded value at the limit is the server's alone
    JsonObject padded = base.copy().put("name", "  " + "n".repeat(80) + " ");
    assertFalse(schemaVerdict(signUp, padded).getValid());
    assertTrue(accepts(RequestBodies::signUp, padded));

    // {ids} or {all: true}: the limits read from the schema
    Op markRead = operation("markNotificationsRead");
    JsonObject ids = resolve(markRead.requestBody().getJsonObject("schema")).getJsonObject("properties")
        .getJsonObject("ids");
    int maxIds = ids.getInteger("maxItems");
    int maxId = ids.getJsonObject("items").getInteger("maxLength");
    List<Map.Entry<JsonObject, Boolean>> reads = List.of(
        Map.entry(idsBody("n1"), true),
        Map.entry(idsBody(Collections.nCopies(maxIds, "n1").toArray()), true),
        Map.entry(idsBody(Collections.nCopies(maxIds + 1, "n1").toArray()), false),
        Map.entry(idsBody(), false),
        Map.entry(idsBody("x".repeat(maxId)), true),
        Map.entry(idsBody("x".repeat(maxId + 1)), false),
        Map.entry(idsBody(""), false),
        Map.entry(idsBody(42), false),
        Map.entry(idsBody((Object) null), false),
        Map.entry(new JsonObject().put("ids", "n1"), false),
        Map.entry(new JsonObject().putNull("ids"), false),
        Map.entry(new JsonObject(), false),
        Map.entry(new JsonObject().put("all", true), true),
        Map.entry(new JsonObject().put("all", false), false),
        Map.entry(new JsonObject().putNull("all"), false),
        Map.entry(new JsonObject().put("all", "true"), false),
        Map.entry(idsBody("n1").put("all", false), true),
        Map.entry(idsBody("n1").put("all", true), true));
    assertSameVerdicts(markRead, RequestBodies::markRead, reads);
    // documented: with all true the server does not read ids, and an all that is not true counts as absent
    assertFalse(schemaVerdict(markRead, idsBody().put("all", true)).getValid());
    assertTrue(accepts(RequestBodies::markRead, idsBody().put("all", true)));
    assertFalse(schemaVerdict(markRead, idsBody("n1").put("all", "yes")).getValid());
    assertTrue(accepts(RequestBodies::markRead, idsBody("n1").put("all", "yes")));

    // exactly one of board and thread (null or blank counts as absent), and muted
    Op mute = operation("setMute");
    JsonObject muteFields = resolve(mute.requestBody().getJsonObject("schema")).getJsonObject("properties");
    int maxBoard = muteFields.getJsonObject("board").getInteger("maxLength");
    int maxThread = muteFields.getJsonObject("thread").getInteger("maxLength");
    JsonObject b = new JsonObject().put("board", "b1").put("muted", true);
    JsonObject t = new JsonObject().put("thread", "t1").put("muted", false);
    List<Map.Entry<JsonObject, Boolean>> mutes = List.of(
        Map.entry(b, true),
        Map.entry(t, true),
        Map.entry(b.copy().put("board", "x".repeat(maxBoard)), true),
        Map.entry(b.copy().put("board", "x".repeat(maxBoard + 1)), false),
        Map.entry(t.copy().put("thread", "x".repeat(maxThread)), true),
        Map.entry(t.copy().put("thread", "x".repeat(maxThread + 1)), false),
        Map.entry(b.copy().put("thread", "t1"), false),
        Map.entry(new JsonObject().put("muted", true), false),
        Map.entry(new JsonObject().putNull("board").putNull("thread").put("muted", true), false),
        Map.entry(b.copy().put("board", ""), false),
        Map.entry(b.copy().put("board", "   "), false),
        Map.entry(b.copy().put("board", 42), false),
        Map.entry(t.copy().put("board", ""), true),
        Map.entry(t.copy().put("board", "   "), true),
        Map.entry(t.copy().putNull("board"), true),
        Map.entry(t.copy().put("board", 42), false),
        Map.entry(b.copy().put("thread", ""), true),
        Map.entry(b.copy().putNull("thread"), true),
        Map.entry(b.copy().put("thread", new JsonObject()), false),
        Map.entry(new JsonObject().put("board", "b1"), false),
        Map.entry(b.copy().putNull("muted"), false),
        Map.entry(b.copy().put("muted", "true"), false),
        Map.entry(b.copy().put("muted", 1), false));
    assertSameVerdicts(mute, RequestBodies::mute, mutes);
    JsonObject paddedBoard = b.copy().put("board", "  " + "x".repeat(maxBoard) + " ");
    assertFalse(schemaVerdict(mute, paddedBoard).getValid());
    assertTrue(accepts(RequestBodies::mute, paddedBoard));
  }

  private static JsonObject idsBody(Object... ids) {
    return new JsonObject().put("ids", new JsonArray(Arrays.asList(ids)));
  }

  /** Each body gets its verdict from the schema and from RequestBodies. */
  private static void assertSameVerdicts(Op op, Function<JsonObject, ?> parse, List<Map.Entry<JsonObject, Boolean>> bodies) {
    for (Map.Entry<JsonObject, Boolean> body : bodies) {
      String what = op.id() + " " + abbreviated(body.getKey().encode(), 100);
      OutputUnit verdict = schemaVerdict(op, body.getKey());
      assertEquals(body.getValue(), verdict.getValid(), () -> "the schema's verdict on " + what + " " + verdict.getErrors());
      assertEquals(body.getValue(), accepts(parse, body.getKey()), "RequestBodies' verdict on " + what);
    }
  }

  /** The longest long poll the document allows, which is the server's. */
  private static int maxWait() {
    JsonObject wait = operation("listNotifications").json().getJsonArray("parameters").stream()
        .map(p -> resolve((JsonObject) p)).filter(p -> "wait".equals(p.getString("name"))).findFirst().orElseThrow();
    int max = wait.getJsonObject("schema").getInteger("maximum");
    assertEquals(NotificationApi.MAX_WAIT_SECONDS, max);
    return max;
  }

  /** A call that must be refused with this status and code. */
  private record Refusal(String operation, Call call, int status, String code) {}

  /** A value for a field (or its absence) and whether it is valid. */
  private record Probe(Object value, boolean absent, boolean valid) {}

  private static List<Probe> probes(String field, JsonObject schema, boolean required) {
    List<Probe> probes = new ArrayList<>();
    probes.add(new Probe(null, true, !required));
    Set<String> types = types(schema);
    probes.add(new Probe(null, false, types.contains("null") || enumOf(schema).contains(null)));
    if (types.contains("string") || !enumOf(schema).isEmpty()) {
      probes.add(new Probe(42, false, false));
      probes.add(new Probe(new JsonObject().put("first", "Kadri"), false, false));
    } else if (types.contains("integer")) {
      probes.add(new Probe("12", false, false));
    }
    if (!enumOf(schema).isEmpty()) {
      for (Object value : enumOf(schema)) {
        if (value != null) {
          probes.add(new Probe(value, false, true));
          probes.add(new Probe(((String) value).toUpperCase(), false, false));
        }
      }
      probes.add(new Probe("administrator", false, false));
    }
    String pattern = schema.getString("pattern");
    boolean plain = pattern == null || pattern.equals("\\S");
    if (types.contains("string") && plain && enumOf(schema).isEmpty()) {
      int min = schema.getInteger("minLength", 0);
      if (schema.containsKey("maxLength")) {
        int max = schema.getInteger("maxLength");
        probes.add(new Probe("x".repeat(max), false, true));
        probes.add(new Probe("x".repeat(max + 1), false, false));
      }
      probes.add(new Probe("x".repeat(Math.max(min, 1)), false, true));
      if (min > 1) {
        probes.add(new Probe("x".repeat(min - 1), false, false));
      }
      // blank: refused where a field must not be blank ("\\S"), else a value (or, optional, none)
      probes.add(new Probe("", false, min == 0 && pattern == null));
      probes.add(new Probe("   ", false, min <= 3 && pattern == null));
    }
    if (types.contains("integer")) {
      int min = schema.getInteger("minimum");
      int max = schema.getInteger("maximum");
      probes.add(new Probe(min, false, true));
      probes.add(new Probe(max, false, true));
      probes.add(new Probe(min - 1, false, false));
      probes.add(new Probe(max + 1, false, false));
      probes.add(new Probe((double) max, false, true));
      probes.add(new Probe(min + 0.5, false, false));
      probes.add(new Probe(Long.MAX_VALUE, false, false));
    }
    return probes;
  }

  private static Set<String> types(JsonObject schema) {
    Object type = schema.getValue("type");
    Set<String> types = new TreeSet<>();
    if (type instanceof String s) {
      types.add(s);
    } else if (type instanceof JsonArray a) {
      a.forEach(t -> types.add((String) t));
    }
    return types;
  }

  private static List<Object> enumOf(JsonObject schema) {
    return schema.getJsonArray("enum", new JsonArray()).stream().toList();
  }

  private static Object wrongType(JsonObject schema) {
    return types(schema).contains("integer") ? "12" : 42;
  }

  private static String abbreviated(Object value) {
    return abbreviated(value, 20);
  }

  private static String abbreviated(Object value, int max) {
    String s = String.valueOf(value);
    return s.length() > max ? s.substring(0, max - 12) + "…(" + s.length() + ")" : s;
  }

  private static boolean accepts(Function<JsonObject, ?> parse, JsonObject body) {
    try {
      parse.apply(body);
      return true;
    } catch (CrossboardException e) {
      assertEquals(ErrorCode.ERR_INVALID, e.code());
      return false;
    }
  }

  private static String refusal(Function<JsonObject, ?> parse, JsonObject body) {
    try {
      parse.apply(body);
    } catch (CrossboardException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + body.encode());
  }

  private static OutputUnit schemaVerdict(Op op, JsonObject body) {
    return contract.getSchemaRepository()
        .validator(contract.operation(op.id()).getRequestBody().getContent().get("application/json").getSchema())
        .validate(body);
  }

  /** The answer matches the document: a listed status, its headers, its media type and body schema. */
  private static void assertDocumented(Op op, HttpResponse<String> r) throws Exception {
    String what = op.id() + " " + r.statusCode() + " " + r.body();
    assertNotNull(op.response(r.statusCode()), what + ": status not documented");
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    r.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
    // vertx-openapi 5.0 cannot decode a header value with quotes in it: this one is checked here
    String disposition = headers.remove("Content-Disposition");
    if (disposition != null) {
      assertTrue(op.response(r.statusCode()).getJsonObject("headers", new JsonObject())
          .containsKey("Content-Disposition"), what + ": Content-Disposition not documented");
      assertTrue(disposition.matches("attachment; filename=\"[^\"/]+\""), what + ": " + disposition);
    }
    String contentType = r.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip()).orElse(null);
    if (contentType != null && !MediaType.isMediaTypeSupported(contentType)) {
      // a media type vertx-openapi cannot load (see supportedByVertx): documented for this status,
      // with the parameters the document names, and a JSON body valid by the documented schema
      String served = r.headers().firstValue("Content-Type").orElseThrow();
      JsonObject content = op.response(r.statusCode()).getJsonObject("content", new JsonObject());
      String type = content.fieldNames().stream().filter(t -> t.split(";")[0].strip().equalsIgnoreCase(contentType))
          .findFirst().orElse(null);
      assertNotNull(type, what + ": " + served + " not documented");
      if (type.contains(";")) {
        assertEquals(type, served, what + ": the documented media type");
      }
      JsonObject schema = content.getJsonObject(type).getJsonObject("schema");
      OutputUnit verdict = validator(schema).validate(contentType.endsWith("json") ? new JsonObject(r.body()) : r.body());
      assertTrue(verdict.getValid(), () -> what + ": " + verdict.getErrors());
      return;
    }
    ValidatableResponse response = r.body().isEmpty()
        ? ValidatableResponse.create(r.statusCode(), headers)
        : ValidatableResponse.create(r.statusCode(), headers, Buffer.buffer(r.body()), contentType);
    try {
      responses.validate(response, op.id()).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(what + ": " + e.getMessage(), e);
    }
  }

  /** A validator for a schema of the document, its {@code #/components/schemas/…} references resolved in the document. */
  private static Validator validator(JsonObject schema) {
    String components = "#/components/schemas/";
    JsonObject root = new JsonObject(schema.encode().replace(components, "#/$defs/")).put("$defs",
        new JsonObject(doc.getJsonObject("components").getJsonObject("schemas").encode().replace(components, "#/$defs/")));
    return Validator.create(JsonSchema.of(root), new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
        .setBaseUri("app://crossboard/").setOutputFormat(OutputFormat.Basic));
  }

  private static HttpResponse<String> send(Op op, Call call) {
    String path = op.path();
    for (Map.Entry<String, String> param : call.params().entrySet()) {
      path = path.replace("{" + param.getKey() + "}", param.getValue());
    }
    assertFalse(path.contains("{"), op.id() + ": no value for a parameter of " + path);
    String url = server.baseUrl() + path + (call.query() == null ? "" : "?" + call.query());
    return Rest.as(call.token()).send(op.method().toUpperCase(), url, call.body() == null ? null : call.body().encode());
  }

  /**
   * How to call an operation so that it succeeds: who calls, with which path parameters, and the
   * example body with what a static document cannot know (ids, codes, a fresh email) filled in.
   * Each call that changes or ends something gets its own account, board, member or invitation.
   */
  private static Call plan(Op op, JsonObject example) {
    String base = server.baseUrl();
    String ws = owner.workspace();
    String token = owner.token();
    return switch (op.id()) {
      case "signUp" -> new Call(null, Map.of(), null,
          example.copy().put("email", "example" + System.nanoTime() + "@example.ee"));
      case "signIn" -> new Call(null, Map.of(), null,
          example.copy().put("email", TestAccess.signUp(base, "Signs in").email()));
      case "renewToken", "signOut", "signOutEverywhere", "changePassword", "setMyLanguage" ->
          new Call(TestAccess.signUp(base, "Own account").token(), Map.of(), null, example);
      case "getMe", "listWorkspaces", "createWorkspace", "getServerAudit", "getHealth", "getLiveness", "getReadiness",
          "getMetrics", "getOpenApi" ->
          new Call(token, Map.of(), null, example);
      case "getWorkspace", "listWorkspaceMembers", "listWorkspaceBoards", "createBoard", "listWorkspaceInvites",
          "getWorkspaceAudit" -> new Call(token, Map.of("ws", ws), null, example);
      case "createInvite" -> new Call(token, Map.of("ws", ws), null,
          example.containsKey("board") ? example.copy().put("board", board) : example);
      case "setWorkspaceRole", "removeWorkspaceMember" ->
          new Call(token, Map.of("ws", ws, "user", member().userId()), null, example);
      case "getBoard", "exportBoard", "listBoardMembers", "listBoardInvites" ->
          new Call(token, Map.of("id", board), null, example);
      case "deleteBoard" -> new Call(token, Map.of("id", TestAccess.createBoard(base, "to delete")), null, example);
      case "setBoardRole" -> new Call(token, Map.of("id", board, "user", member().userId()), null, example);
      case "removeBoardRole" -> {
        String user = member().userId();
        ok(Rest.as(token).send("PUT", base + "/api/boards/" + board + "/members/" + user,
            new JsonObject().put("role", "viewer").encode()), 200);
        yield new Call(token, Map.of("id", board, "user", user), null, example);
      }
      case "revokeInvite" -> new Call(token, Map.of("id", invite(board).getString("id")), null, example);
      case "previewInvite", "joinAsGuest" ->
          new Call(null, Map.of(), null, example.copy().put("code", invite(board).getString("code")));
      case "acceptInvite" -> new Call(TestAccess.signUp(base, "Accepts").token(), Map.of(), null,
          example.copy().put("code", invite(null).getString("code")));
      case "listSessions" -> {
        endedSession(); // so that the list holds a session to check against the schema
        yield new Call(token, Map.of("id", board), null, example);
      }
      case "listTranslations" -> {
        endedSession(); // so that the board holds a note to translate
        yield new Call(token, Map.of("id", board), "lang=fr", example);
      }
      case "setTranslation" -> {
        endedSession();
        yield new Call(token, Map.of("id", board, "record", "openapi-note", "prop", "text", "lang", "fr"), null, example);
      }
      case "getSession", "getSessionAttendance", "getSessionRecap" ->
          new Call(token, Map.of("id", board, "sid", endedSession()), null, example);
      case "listThreads", "exportThreads" -> {
        commentThread(); // so that the list and the exports hold a thread to check against the document
        yield new Call(token, Map.of("id", board), null, example);
      }
      case "getThread" -> new Call(token, Map.of("id", board, "tid", commentThread()), null, example);
      case "listNotifications" -> {
        commentThread(); // the member it mentions has a notification
        yield new Call(notified.token(), Map.of(), null, example);
      }
      case "markNotificationsRead" -> new Call(TestAccess.signUp(base, "Reads").token(), Map.of(), null, example);
      case "listMutes" -> {
        String muter = TestAccess.signUp(base, "Mutes").token();
        ok(Rest.as(muter).send("PUT", base + "/api/me/mutes",
            new JsonObject().put("board", board).put("muted", true).encode()), 200);
        yield new Call(muter, Map.of(), null, example);
      }
      case "setMute" -> new Call(TestAccess.signUp(base, "Mutes").token(), Map.of(), null,
          example.containsKey("board") ? example.copy().put("board", board) : example.copy().put("thread", commentThread()));
      default -> throw new AssertionError("no call planned for " + op.id() + ": add it to plan()");
    };
  }

  /**
   * The ended session on the test board, run once over the socket by the owner: one phase in a
   * frame holding a note, a closed vote on that note with one dot. Returned once its recap is
   * stored, so every session call has everything to answer.
   */
  private static synchronized String endedSession() {
    if (endedSession == null) {
      try (WsTestClient c = WsTestClient.join(server.port(), board, "openapi-session-owner", null, owner.token())) {
        JsonObject frame = Changes.note("openapi-frame", 0, 0, null).put("type", "frame").put("w", 800).put("h", 600);
        frame.remove("text");
        c.send(Changes.push("records", 1, Changes.put(frame),
            Changes.put(Changes.note("openapi-note", 10, 10, "Share the data").put("parent", "openapi-frame"))));
        assertEquals("ack", c.reply("records").getString("t"));
        sessionOk(c, "session.create", new JsonObject().put("title", "OpenAPI session")
            .put("startsAt", System.currentTimeMillis()).put("timeZone", "Europe/Tallinn")
            .put("phases", new JsonArray().add(new JsonObject().put("title", "Ideas").put("minutes", 5)
                .put("frame", "openapi-frame"))));
        sessionOk(c, "session.start", new JsonObject());
        sessionOk(c, "session.vote.open", new JsonObject().put("records", new JsonArray().add("openapi-note")).put("dots", 3));
        sessionOk(c, "session.vote.cast", new JsonObject().put("record", "openapi-note").put("delta", 1));
        sessionOk(c, "session.vote.close", new JsonObject());
        sessionOk(c, "session.end", new JsonObject());
        // the recap is built after the end and stored with the session, which is then sent again
        JsonObject ended = c.expect(m -> "session".equals(m.getString("t"))
            && m.getJsonObject("session").getValue("recap") != null).getJsonObject("session");
        assertEquals("ended", ended.getString("state"));
        endedSession = ended.getString("id");
      }
      JsonObject stored = ok(Rest.as(owner.token()).send("GET", server.baseUrl() + "/api/boards/" + board
          + "/sessions/" + endedSession, null), 200);
      assertNotNull(stored.getJsonObject("recap"), stored.encode());
    }
    return endedSession;
  }

  /**
   * The comment thread on the test board, started once over the socket by the owner at a point,
   * mentioning a new member of the workspace ({@link #notified}). Returned once the member's
   * notification is stored (waited for with the long poll), so every thread and notification call
   * has something to answer.
   */
  private static synchronized String commentThread() {
    if (thread == null) {
      TestAccess.Account mentioned = member();
      long before = System.currentTimeMillis() - 1;
      try (WsTestClient c = WsTestClient.join(server.port(), board, "openapi-thread-owner", null, owner.token())) {
        c.send(new JsonObject().put("t", "thread.create").put("id", "thread-create")
            .put("anchor", new JsonObject().put("kind", "point").put("x", 1).put("y", 2)).put("kind", "question")
            .put("body", "Which data may cross the border?")
            .put("mentions", new JsonArray().add(new JsonObject().put("user", mentioned.userId()))));
        JsonObject reply = c.reply("thread-create");
        assertEquals("thread.ok", reply.getString("t"), reply.encode());
        JsonObject theirs = ok(Rest.as(mentioned.token()).send("GET", server.baseUrl()
            + "/api/me/notifications?after=" + before + "&wait=10", null), 200);
        assertEquals(1, theirs.getJsonArray("notifications").size(), theirs.encode());
        assertEquals("mention", theirs.getJsonArray("notifications").getJsonObject(0).getString("reason"));
        thread = reply.getString("thread");
        notified = mentioned;
      }
    }
    return thread;
  }

  /** A call for the recap of a session that is live (so has none): on a board of its own. */
  private static Call liveSession() {
    String live = TestAccess.createBoard(server.baseUrl(), "OpenAPI live session");
    try (WsTestClient c = WsTestClient.join(server.port(), live, "openapi-live-owner", null, owner.token())) {
      sessionOk(c, "session.create", new JsonObject().put("title", "Not over yet").put("startsAt", 0)
          .put("timeZone", "UTC").put("phases", new JsonArray()));
      sessionOk(c, "session.start", new JsonObject());
      String sid = c.expect(m -> "session".equals(m.getString("t"))
          && "live".equals(m.getJsonObject("session").getString("state"))).getJsonObject("session").getString("id");
      return new Call(owner.token(), Map.of("id", live, "sid", sid), null, null);
    }
  }

  /** Sends a session message with a request id and waits for its {@code session.ok}. */
  private static void sessionOk(WsTestClient c, String type, JsonObject fields) {
    String id = type.replace('.', '-');
    c.send(fields.copy().put("t", type).put("id", id));
    JsonObject reply = c.reply(id);
    assertEquals("session.ok", reply.getString("t"), type + " → " + reply.encode());
  }

  /** A new account that is an editor of the owner's workspace. */
  private static TestAccess.Account member() {
    TestAccess.Account member = TestAccess.signUp(server.baseUrl(), "Member");
    ok(Rest.as(member.token()).send("POST", server.baseUrl() + "/api/invites/accept",
        new JsonObject().put("code", invite(null).getString("code")).encode()), 200);
    return member;
  }

  /** A new editor invitation of the owner's workspace, or of {@code board}. */
  private static JsonObject invite(String board) {
    JsonObject body = new JsonObject().put("role", "editor").put("maxUses", 5);
    if (board != null) {
      body.put("board", board);
    }
    return ok(Rest.as(owner.token()).send("POST", server.baseUrl() + "/api/workspaces/" + owner.workspace()
        + "/invites", body.encode()), 201);
  }

  private static JsonObject ok(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }
}
