package org.crossboard.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.crossboard.audit.AuditLog;
import org.crossboard.comment.CommentFeature;
import org.crossboard.lifecycle.BoardTitleFeature;
import org.crossboard.presence.PresenceFeature;
import org.crossboard.presence.PresenceSettings;
import org.crossboard.pubsub.PubSub;
import org.crossboard.pubsub.local.LocalPubSub;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.crossboard.replication.ReplicationFeature;
import org.crossboard.replication.ReplicationSettings;
import org.crossboard.replication.memory.InMemoryLeaseStore;
import org.crossboard.store.memory.InMemoryStores;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The node envelope: the one place the node id is added to messages between nodes and checked (SPEC.md M5). */
class NodeEnvelopeTest {

  @Test
  @DisplayName("[M5] the node id comes first, so an echo is recognised without parsing; others' messages open")
  void ownAndOthers() {
    NodeEnvelope a = new NodeEnvelope("node-1");
    NodeEnvelope b = new NodeEnvelope("node-10"); // our id is a prefix of theirs: still someone else
    String fromA = a.wrap("ops", new JsonObject().put("n", 1));
    assertTrue(fromA.startsWith("{\"node\":\"node-1\","));
    assertTrue(a.isOwn(fromA));
    assertNull(a.open(fromA));
    long before = System.currentTimeMillis();
    NodeEnvelope.Message opened = b.open(fromA);
    assertEquals("node-1", opened.node());
    assertEquals("ops", opened.kind());
    assertEquals(new JsonObject().put("n", 1), opened.body());
    assertTrue(opened.sentAt() > 0 && opened.sentAt() <= before, "sent-at lets the receiver measure pub/sub lag");
    assertFalse(a.isOwn(b.wrap("ops", new JsonObject())));
    assertEquals("node-10", a.open(b.wrap("ops", new JsonObject())).node());
  }

  @Test
  @DisplayName("[M5] a message that claims this node's id in another shape, or is not an envelope, is never opened")
  void notOpened() {
    NodeEnvelope a = new NodeEnvelope("node-1");
    assertNull(a.open("{\"kind\":\"ops\",\"node\":\"node-1\",\"body\":{}}"));
    assertNull(a.open("not json"));
    assertNull(a.open("{\"node\":\"node-2\",\"kind\":\"ops\"}"));
    assertNull(a.open("{\"node\":\"node-2\",\"kind\":7,\"body\":{}}"));
  }

  @Test
  @DisplayName("[M5] a room's channel drops this node's own messages of every kind the features handle, and delivers others'")
  void everyKind() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      PubSub pubsub = new LocalPubSub(vertx); // delivers to every subscriber, the publisher's own included
      RoomFeatures features = RoomFeatures.of(List.of(
          new ReplicationFeature("node-a", pubsub, InMemoryStores.create().ops(), new InMemoryLeaseStore(),
              ReplicationSettings.DEFAULTS, new SimpleMeterRegistry()),
          new PresenceFeature("node-a", PresenceSettings.DEFAULTS), new CommentFeature(),
          new BoardTitleFeature(InMemoryStores.create().boards(), new AuditLog(InMemoryStores.create().audit()))));
      Set<String> kinds = features.remoteKinds();
      assertEquals(Set.of("ops", "lease", "presence", "sync"), kinds);
      RoomMetrics metrics = new RoomMetrics();
      RoomChannel channel = new RoomChannel("b1", pubsub, new NodeEnvelope("node-a"), metrics, true);
      List<String> delivered = new ArrayList<>();
      channel.open(m -> delivered.add(m.node() + ":" + m.kind())).await(5, TimeUnit.SECONDS);
      NodeEnvelope other = new NodeEnvelope("node-b");
      for (String kind : kinds) {
        channel.publish(kind, new JsonObject());
        pubsub.publish(PubSub.CHANNEL_PREFIX + "board:b1", other.wrap(kind, new JsonObject()));
      }
      long deadline = System.currentTimeMillis() + 5_000;
      while ((delivered.size() < kinds.size() || metrics.ownEchoesDropped() < kinds.size())
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(kinds.stream().map(k -> "node-b:" + k).sorted().toList(), delivered.stream().sorted().toList());
      assertEquals(kinds.size(), metrics.ownEchoesDropped());
    } finally {
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }
}
