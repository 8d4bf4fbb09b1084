package org.crossboard.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crossboard.store.ClientMark;
import org.crossboard.store.Op;
import org.crossboard.store.OpLog;
import org.crossboard.store.memory.InMemoryOpLog;

/**
 * A real in-memory op log whose appends (and, when asked, reads) complete only when the test
 * releases them, so every step of a room's write pipeline can be observed exactly.
 */
public final class HeldOpLog implements OpLog {
  public final InMemoryOpLog delegate = new InMemoryOpLog();
  /** Every append asked for, in order (filled on the event loop, read by the test thread). */
  public final List<List<Op>> appends = Collections.synchronizedList(new ArrayList<>());
  private final List<Promise<Void>> held = Collections.synchronizedList(new ArrayList<>());
  private final List<Promise<Void>> heldReads = Collections.synchronizedList(new ArrayList<>());
  private boolean holdReads;

  @Override
  public Future<Void> append(String board, List<Op> ops) {
    appends.add(List.copyOf(ops));
    Promise<Void> p = Promise.promise();
    held.add(p);
    return p.future().compose(v -> delegate.append(board, ops));
  }

  /** Lets append {@code i} go through to the log (it may still fail on a unique index). */
  public void release(int i) {
    held.get(i).complete();
  }

  /** Fails append {@code i} as a storage outage would. */
  public void fail(int i) {
    held.get(i).fail("disk on fire");
  }

  /** From now on, reads wait for {@link #releaseRead} or {@link #failRead}. */
  public void holdReads() {
    holdReads = true;
  }

  public int heldReads() {
    return heldReads.size();
  }

  public void releaseRead(int i) {
    heldReads.get(i).complete();
  }

  public void failRead(int i) {
    heldReads.get(i).fail("disk on fire");
  }

  /** Writes as another node would: straight into the log. */
  public void writtenElsewhere(String board, Op op) {
    delegate.append(board, List.of(op));
  }

  @Override
  public Future<List<Op>> range(String board, long afterSeq, long toSeq, int limit) {
    if (!holdReads) {
      return delegate.range(board, afterSeq, toSeq, limit);
    }
    Promise<Void> p = Promise.promise();
    heldReads.add(p);
    return p.future().compose(v -> delegate.range(board, afterSeq, toSeq, limit));
  }

  @Override
  public Future<ClientMark> clientMark(String board, String clientId) {
    return delegate.clientMark(board, clientId);
  }

  @Override
  public Future<Long> lastSeq(String board) {
    return delegate.lastSeq(board);
  }

  @Override
  public Future<Void> deleteBoard(String board) {
    return delegate.deleteBoard(board);
  }
}
