package org.crossboard.room;

import io.vertx.core.json.JsonObject;
import org.crossboard.access.Action;

/**
 * How one client message type is handled: the role it needs (checked by the connection before
 * anything else, SPEC.md A1), an optional rate limit, and how it is decoded and dispatched to its
 * room. Core types and features' types are routed the same way.
 */
public final class Route<M> {
  /** Delivers a decoded message to its room. */
  @FunctionalInterface
  interface Dispatch<M> {
    void dispatch(BoardRoom room, RoomMember from, String requestId, M message);
  }

  private final String type;
  private final Action needs;
  private final Rate rate;
  private final FeatureRegistry.MessageDecoder<M> decoder;
  private final Dispatch<M> dispatch;

  Route(String type, Action needs, Rate rate, FeatureRegistry.MessageDecoder<M> decoder, Dispatch<M> dispatch) {
    this.type = type;
    this.needs = needs;
    this.rate = rate;
    this.decoder = decoder;
    this.dispatch = dispatch;
  }

  public String type() {
    return type;
  }

  /** The action the sender's role must allow. */
  public Action needs() {
    return needs;
  }

  /** How often one connection may send this type, or null when unlimited. */
  public Rate rate() {
    return rate;
  }

  /** Decodes (throwing {@code ERR_MALFORMED} naming the field) and dispatches. */
  void deliver(BoardRoom room, RoomMember from, String requestId, JsonObject frame) {
    dispatch.dispatch(room, from, requestId, decoder.decode(frame));
  }
}
