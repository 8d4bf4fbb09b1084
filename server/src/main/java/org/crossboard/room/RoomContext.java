package org.crossboard.room;

import io.vertx.core.Vertx;
import org.crossboard.pubsub.PubSub;
import org.crossboard.store.Stores;

/**
 * What every room of a node shares: storage, settings, the event loop's Vert.x, pub/sub with this
 * node's envelope, the registered features and the node's counters.
 *
 * @param clustered true when other nodes may have the same boards open (Redis configured)
 */
record RoomContext(Stores stores, RoomSettings settings, Vertx vertx, PubSub pubsub, NodeEnvelope envelope,
    boolean clustered, RoomFeatures features, RoomMetrics metrics, RoomRegistry registry) {}
