package org.crossboard.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoomPresenceTest {
  static final JsonObject ANA = new JsonObject().put("id", "u1").put("name", "Ana").put("color", "#E8590C");

  @Test
  @DisplayName("[S2] a newcomer is sent whole; later flushes carry only the latest value of changed fields")
  void wholeThenDeltas() {
    RoomPresence p = new RoomPresence("node-a", true);
    p.join("c1", ANA, 0);
    JsonObject first = p.drain().presence().getJsonObject(0);
    assertEquals("Ana", first.getJsonObject("user").getString("name"));
    assertEquals("active", first.getString("status"));

    for (int i = 0; i < 10; i++) {
      p.update("c1", ANA, new JsonObject().put("cursor", new JsonObject().put("x", i).put("y", i)), 1);
    }
    RoomPresence.Changes changes = p.drain();
    assertEquals(1, changes.presence().size());
    JsonObject delta = changes.presence().getJsonObject(0);
    assertEquals(new JsonObject().put("clientId", "c1").put("cursor", new JsonObject().put("x", 9).put("y", 9)), delta);
    assertFalse(p.hasChanges());
    RoomPresence.Changes forPeers = p.drainForPeers();
    assertEquals("Ana", forPeers.presence().getJsonObject(0).getJsonObject("user").getString("name"),
        "other nodes were not sent the newcomer yet: they get the whole state, drained on its own");
    assertFalse(p.hasChangesForPeers());
  }

  @Test
  @DisplayName("[S2] other nodes get this node's people's changes on their own drain; remote people are not echoed back")
  void peersDrainedSeparately() {
    RoomPresence p = new RoomPresence("node-a", true);
    p.join("c1", ANA, 0);
    p.applyRemote("node-b", new JsonArray().add(new JsonObject().put("clientId", "c9").put("user", ANA)), new JsonArray(), 0);
    p.drainForPeers();
    p.update("c1", ANA, new JsonObject().put("cursor", new JsonObject().put("x", 1).put("y", 1)), 1);
    p.update("c1", ANA, new JsonObject().put("cursor", new JsonObject().put("x", 2).put("y", 2)), 2);
    RoomPresence.Changes forPeers = p.drainForPeers();
    assertEquals(new JsonArray().add(new JsonObject().put("clientId", "c1").put("cursor", new JsonObject().put("x", 2).put("y", 2))),
        forPeers.presence());
    assertEquals(2, p.drain().presence().size(), "this node's sockets still get both people, whole (never flushed yet)");
    p.leave("c1");
    assertEquals(new JsonArray().add("c1"), p.drainForPeers().left());
    assertEquals(new JsonArray().add("c1"), p.drain().left());

    RoomPresence single = new RoomPresence("node-a", false);
    single.join("c1", ANA, 0);
    single.leave("c1");
    assertFalse(single.hasChangesForPeers(), "a single node keeps nothing for peers it does not have");
  }

  @Test
  @DisplayName("[S3] remote deltas merge into known people; unknown ones wait for a whole state; expiry")
  void remote() {
    RoomPresence p = new RoomPresence("node-a", true);
    p.applyRemote("node-b", new JsonArray().add(new JsonObject().put("clientId", "c9").put("cursor", new JsonObject())), new JsonArray(), 0);
    assertEquals(0, p.size());
    JsonObject whole = new JsonObject().put("clientId", "c9").put("user", ANA).put("cursor", null).put("status", "active");
    p.applyRemote("node-b", new JsonArray().add(whole), new JsonArray(), 0);
    p.drain();
    p.applyRemote("node-b", new JsonArray().add(new JsonObject().put("clientId", "c9").put("status", "away")), new JsonArray(), 10);
    assertEquals("away", p.list("nobody").getJsonObject(0).getString("status"));
    assertEquals(new JsonObject().put("clientId", "c9").put("status", "away"), p.drain().presence().getJsonObject(0));

    p.expire(100, 50); // away: the longer cutoff (50) applies; heard of at 10 < 50 → gone
    assertTrue(p.drain().left().contains("c9"));
    assertEquals(0, p.size());
  }

  @Test
  @DisplayName("[slow link] a slower stream keeps its own record: deltas coalesced over its drains, newcomers whole, departures")
  void slowerStream() {
    RoomPresence p = new RoomPresence("node-a", false);
    p.join("c1", ANA, 0);
    p.drain();
    p.openStream(250);
    assertFalse(p.hasChanges(250), "a new stream starts with nothing pending");
    p.update("c1", ANA, new JsonObject().put("cursor", new JsonObject().put("x", 1).put("y", 1)), 1);
    p.drain(); // the regular stream drains three times as often…
    p.update("c1", ANA, new JsonObject().put("cursor", new JsonObject().put("x", 2).put("y", 2)), 2);
    p.drain();
    p.update("c1", ANA, new JsonObject().put("status", "idle"), 3);
    p.drain();
    assertTrue(p.hasChanges(250));
    RoomPresence.Changes slow = p.drain(250); // …the slower one gets the latest of everything once
    assertEquals(new JsonObject().put("clientId", "c1").put("cursor", new JsonObject().put("x", 2).put("y", 2))
        .put("status", "idle"), slow.presence().getJsonObject(0));
    assertFalse(p.hasChanges(250));

    p.join("c2", ANA, 4);
    p.leave("c1");
    RoomPresence.Changes next = p.drain(250);
    assertEquals("Ana", next.presence().getJsonObject(0).getJsonObject("user").getString("name"), "a newcomer is whole");
    assertEquals(new JsonArray().add("c1"), next.left());
    p.closeStream(250);
    assertFalse(p.hasChanges(250));
    assertTrue(p.drain(250).isEmpty());
  }
}
