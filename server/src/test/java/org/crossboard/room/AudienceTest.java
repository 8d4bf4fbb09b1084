package org.crossboard.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crossboard.access.Action;
import org.crossboard.access.Role;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.pubsub.local.LocalPubSub;
import org.crossboard.store.BoardInfo;
import org.crossboard.store.memory.InMemoryBoardCatalog;
import org.crossboard.store.memory.InMemoryOpLog;
import org.crossboard.store.memory.InMemorySnapshotStore;
import org.crossboard.store.memory.InMemoryStores;
import org.crossboard.testing.RecordingMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The audience broadcast contract (DESIGN §10): a frame for one audience is encoded once and
 * reaches exactly that audience, judged by each member's role at the moment of sending. Every
 * frame written to every member is recorded and inspected.
 */
class AudienceTest {
  /** A feature that broadcasts a secret to the audience a message names. */
  static final class Whisper implements RoomFeature {
    @Override
    public void register(FeatureRegistry registry) {
      registry.message("whisper", Action.JOIN_BOARD, frame -> frame, (room, from, id, frame) -> {
        Audience audience = switch (frame.getString("to")) {
          case "facilitators" -> Audience.FACILITATORS;
          case "participants" -> Audience.PARTICIPANTS;
          case "everyone" -> Audience.EVERYONE;
          default -> Audience.person(frame.getString("to"));
        };
        room.broadcast(new JsonObject().put("t", "whispered").put("secret", frame.getString("secret")), audience);
      });
    }
  }

  Vertx vertx;
  RoomRegistry registry;
  RoomFeatures features;
  BoardRoom room;
  RecordingMember owner = new RecordingMember("owner-tab-1", "u-owner", Role.OWNER);
  RecordingMember facilitator = new RecordingMember("facil-tab-1", "u-facil", Role.FACILITATOR);
  RecordingMember editor = new RecordingMember("editor-tab-1", "u-editor", Role.EDITOR);
  RecordingMember editorSecondTab = new RecordingMember("editor-tab-2", "u-editor", Role.EDITOR);
  RecordingMember viewer = new RecordingMember("viewer-tab-1", "u-viewer", Role.VIEWER);
  List<RecordingMember> everyone = List.of(owner, facilitator, editor, editorSecondTab, viewer);

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    InMemoryBoardCatalog catalog = new InMemoryBoardCatalog();
    catalog.insert(new BoardInfo("b1", "w1", "Audience test", 1));
    features = RoomFeatures.of(List.of(new Whisper()));
    registry = new RoomRegistry(InMemoryStores.with(catalog, new InMemoryOpLog(), new InMemorySnapshotStore()),
        RoomSettings.DEFAULTS, vertx, new LocalPubSub(vertx), "node-test", false, features, new RoomMetrics());
    for (RecordingMember m : everyone) {
      room = registry.join(m, new ClientMessage.Hello(null, 1, "b1", m.clientId(), null, null)).await(5, TimeUnit.SECONDS);
    }
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  void whisper(RecordingMember from, String to, String secret) {
    room.dispatch(features.route("whisper"), from, "w1",
        new JsonObject().put("t", "whisper").put("to", to).put("secret", secret));
  }

  void assertReached(String secret, RecordingMember... expected) {
    List<RecordingMember> reached = everyone.stream().filter(m -> m.everReceived(secret)).toList();
    assertEquals(List.of(expected), reached, secret);
  }

  @Test
  @DisplayName("[B3] a frame for facilitators never reaches a participant's socket, and is encoded once for them all")
  void facilitatorsOnly() {
    whisper(owner, "facilitators", "secret-for-facilitators");
    assertReached("secret-for-facilitators", owner, facilitator);
    assertSame(last(owner), last(facilitator), "one encoding shared by the audience");
  }

  @Test
  @DisplayName("[B3] participants and facilitators are complementary; everyone means everyone")
  void participantsAndEveryone() {
    whisper(owner, "participants", "secret-for-participants");
    assertReached("secret-for-participants", editor, editorSecondTab, viewer);
    whisper(viewer, "everyone", "for-all");
    assertReached("for-all", owner, facilitator, editor, editorSecondTab, viewer);
    assertSame(last(owner), last(viewer));
  }

  @Test
  @DisplayName("[B3] one person's audience is all of their tabs and nobody else")
  void onePerson() {
    whisper(owner, "u-editor", "just-for-the-editor");
    assertReached("just-for-the-editor", editor, editorSecondTab);
  }

  @Test
  @DisplayName("[B3][A5] the audience is judged at the moment of sending: a role changed a moment ago counts")
  void roleChangeCounts() {
    editor.setRole(Role.FACILITATOR);
    facilitator.setRole(Role.VIEWER);
    whisper(owner, "facilitators", "after-the-change");
    assertReached("after-the-change", owner, editor);
  }

  @Test
  @DisplayName("[B3] a member that left, or whose clientId another connection took, gets nothing more")
  void leftGetsNothing() throws Exception {
    room.leave(viewer);
    RecordingMember newTab = new RecordingMember("editor-tab-2", "u-editor", Role.EDITOR);
    registry.join(newTab, new ClientMessage.Hello(null, 1, "b1", newTab.clientId(), null, null)).await(5, TimeUnit.SECONDS);
    assertEquals(org.crossboard.protocol.CloseCode.REPLACED, editorSecondTab.closed);
    whisper(owner, "everyone", "after-leaving");
    assertFalse(viewer.everReceived("after-leaving"));
    assertFalse(editorSecondTab.everReceived("after-leaving"));
    assertTrue(newTab.everReceived("after-leaving"));
  }

  static String last(RecordingMember m) {
    return m.frames.get(m.frames.size() - 1);
  }
}
