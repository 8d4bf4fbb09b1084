package org.crossboard.room;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.access.Action;
import org.crossboard.board.ChangePolicy;
import org.crossboard.board.RecordType;
import org.crossboard.board.RecordTypes;
import org.crossboard.protocol.ClientFrames;
import org.crossboard.protocol.Limits;
import org.crossboard.protocol.MessageType;
import org.crossboard.protocol.ServerMessages;

/**
 * The features of this node's rooms and everything they registered: the message routes (the core
 * types {@code push}, {@code fetch} and {@code ping} among them), the record types and the kinds of
 * messages between nodes. Built once at the composition root; immutable afterwards.
 */
public final class RoomFeatures {
  private final List<RoomFeature> features;
  private final Map<String, Route<?>> routes = new HashMap<>();
  private final Map<String, FeatureRegistry.RemoteHandler> remotes = new HashMap<>();
  private final List<FeatureRegistry.PolicySource> policies = new ArrayList<>();
  private final RecordTypes recordTypes;

  private RoomFeatures(List<RoomFeature> features) {
    this.features = List.copyOf(features);
    route(new Route<>(MessageType.PUSH.wire(), Action.JOIN_BOARD, // each change is authorised by its record type (A6)
        new Rate(Limits.PUSHES_PER_SECOND, Limits.PUSH_BURST), ClientFrames::push, BoardRoom::submit));
    route(new Route<>(MessageType.FETCH.wire(), Action.FETCH_OPS, null, ClientFrames::fetch, BoardRoom::fetch));
    route(new Route<>(MessageType.PING.wire(), Action.JOIN_BOARD, null, frame -> frame,
        (room, from, id, frame) -> room.outbox().send(from, ServerMessages.pong(id, System.currentTimeMillis()))));
    List<RecordType> types = new ArrayList<>();
    Registry registry = new Registry(types);
    for (RoomFeature feature : this.features) {
      feature.register(registry);
    }
    this.recordTypes = RecordTypes.withCore(types);
  }

  /** The features, registered in this order; their hooks run in this order too. */
  public static RoomFeatures of(List<RoomFeature> features) {
    return new RoomFeatures(features);
  }

  /** How a client message type is handled, or null when no one handles it. */
  public Route<?> route(String type) {
    return routes.get(type);
  }

  /** Every feature's say over changes to this room's board, in registration order. */
  ChangePolicy policyFor(RoomHandle room) {
    ChangePolicy policy = ChangePolicy.NONE;
    for (FeatureRegistry.PolicySource source : policies) {
      policy = policy.then(source.of(room));
    }
    return policy;
  }

  public RecordTypes recordTypes() {
    return recordTypes;
  }

  /** What the welcome says about records. */
  JsonObject schema() {
    return recordTypes.schema();
  }

  List<RoomFeature> all() {
    return features;
  }

  /** Every kind of message between nodes that some feature handles. */
  java.util.Set<String> remoteKinds() {
    return java.util.Set.copyOf(remotes.keySet());
  }

  /** The handler of another node's message of {@code kind}, or null. */
  FeatureRegistry.RemoteHandler remote(String kind) {
    return remotes.get(kind);
  }

  private void route(Route<?> route) {
    if (MessageType.HELLO.wire().equals(route.type()) || routes.putIfAbsent(route.type(), route) != null) {
      throw new IllegalArgumentException("message type " + route.type() + " is taken");
    }
  }

  /** What features register through, during construction only. */
  private final class Registry implements FeatureRegistry {
    private final List<RecordType> types;

    Registry(List<RecordType> types) {
      this.types = types;
    }

    @Override
    public <M> void message(String type, Action needs, MessageDecoder<M> decoder, MessageHandler<M> handler) {
      route(new Route<>(type, needs, null, decoder,
          (room, from, id, message) -> handler.handle(room.handle(), from, id, message)));
    }

    @Override
    public void recordType(RecordType type) {
      types.add(type);
    }

    @Override
    public void changePolicy(PolicySource source) {
      policies.add(source);
    }

    @Override
    public void remote(String kind, RemoteHandler handler) {
      if (remotes.putIfAbsent(kind, handler) != null) {
        throw new IllegalArgumentException("remote kind " + kind + " is taken");
      }
    }
  }
}
