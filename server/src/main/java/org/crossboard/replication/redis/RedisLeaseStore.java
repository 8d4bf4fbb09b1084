package org.crossboard.replication.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.List;
import org.crossboard.pubsub.PubSub;
import org.crossboard.replication.LeaseStore;

/**
 * Leases in Redis: key {@code crossboard:lease:board:{id}} holds {@code node:epoch} with a TTL
 * ({@code SET NX PX}); epochs come from {@code INCR crossboard:epoch:board:{id}}, so they only
 * grow. Renewal and release are compare-and-set scripts: a node can only extend or drop the lease
 * it holds, never one that expired and was taken by another node meanwhile.
 */
public final class RedisLeaseStore implements LeaseStore {
  private static final String RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
      + "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
  private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
      + "return redis.call('DEL', KEYS[1]) else return 0 end";
  private final RedisAPI redis;

  public RedisLeaseStore(Redis client) {
    this.redis = RedisAPI.api(client);
  }

  private static String key(String board) {
    return PubSub.CHANNEL_PREFIX + "lease:board:" + board;
  }

  private static String epochKey(String board) {
    return PubSub.CHANNEL_PREFIX + "epoch:board:" + board;
  }

  private static String value(Lease lease) {
    return lease.node() + ":" + lease.epoch();
  }

  private static Lease parse(Response value) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    int colon = text.lastIndexOf(':');
    return new Lease(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
  }

  @Override
  public Future<Lease> acquire(String board, String node, long ttlMs) {
    return current(board).compose(held -> held != null ? Future.succeededFuture(held)
        : redis.incr(epochKey(board)).compose(epoch -> {
          Lease mine = new Lease(node, epoch.toLong());
          return redis.set(List.of(key(board), value(mine), "NX", "PX", Long.toString(ttlMs)))
              .compose(ok -> ok != null ? Future.succeededFuture(mine) : current(board));
        }));
  }

  @Override
  public Future<Boolean> renew(String board, Lease lease, long ttlMs) {
    return redis.eval(List.of(RENEW, "1", key(board), value(lease), Long.toString(ttlMs)))
        .map(r -> r != null && r.toLong() == 1);
  }

  @Override
  public Future<Void> release(String board, Lease lease) {
    return redis.eval(List.of(RELEASE, "1", key(board), value(lease))).mapEmpty();
  }

  @Override
  public Future<Lease> current(String board) {
    return redis.get(key(board)).map(RedisLeaseStore::parse);
  }
}
