package org.crossboard.transport;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.crossboard.access.Action;
import org.crossboard.access.Authenticator;
import org.crossboard.access.Principal;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.logging.Logs;
import org.crossboard.protocol.ClientFrames;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.protocol.CloseCode;
import org.crossboard.protocol.MessageType;
import org.crossboard.protocol.ProtocolVersion;
import org.crossboard.protocol.ServerMessages;
import org.crossboard.room.BoardRoom;
import org.crossboard.room.RoomFeatures;
import org.crossboard.room.RoomMember;
import org.crossboard.room.RoomRegistry;
import org.crossboard.room.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket: the handshake as a state machine {@code AWAITING_HELLO → JOINING → OPEN →
 * CLOSED}, then dispatch — every frame is parsed, routed by its type, checked against the person's
 * role now (SPEC.md A1) and its rate, and handed to the room; bad input gets a precise error with
 * its request id (P3, P4). Event-loop confined.
 */
public final class Connection implements RoomMember {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
  private static final AtomicLong NEXT_ID = new AtomicLong();
  /** Frames a connection may send before its welcome; one more and it is cut off. */
  private static final int MAX_FRAMES_BEFORE_WELCOME = 200;
  /**
   * Frames a connection may have waiting while slowed down (its socket paused, yet frames in flight
   * still arriving) before it is cut off: room for a full queue from before the welcome and more.
   */
  private static final int MAX_FRAMES_WAITING = 2 * MAX_FRAMES_BEFORE_WELCOME;

  /** Named states of a connection. */
  public enum State { AWAITING_HELLO, JOINING, OPEN, CLOSED }

  /** Why reading a socket is paused; it resumes when no reason is left. */
  private enum PauseReason { ROOM_BACKLOG, RATE }

  private final ClientSocket socket;
  private final RoomRegistry rooms;
  private final RoomFeatures features;
  private final Authenticator authenticator;
  private final ConnectionSupervisor supervisor;
  private final Map<String, TokenBucket> rates = new HashMap<>();
  private final long openedAt;
  /** This node's name for the connection in log lines (clientIds are the client's to choose). */
  private final String connectionId = "conn-" + Long.toString(NEXT_ID.incrementAndGet(), 36);
  private volatile long lastReceivedAt;
  private State state = State.AWAITING_HELLO;
  private long congestedChars = -1;
  /** Why this connection's socket is not being read: its room is behind, and/or its rate is spent. */
  private final EnumSet<PauseReason> paused = EnumSet.noneOf(PauseReason.class);
  /**
   * Frames waiting, in arrival order: for the welcome (while joining), or for the rate to allow
   * them (the first one was over it). One queue, so frames that waited for the welcome and then
   * meet the rate keep their order (P8).
   */
  private final ArrayDeque<String> held = new ArrayDeque<>();
  private boolean waitingForRate;
  private long uncheckedChars;
  private Principal principal;
  private String clientId;
  private String boardId;
  private BoardRoom room;
  private long rechecks;

  public Connection(ClientSocket socket, RoomRegistry rooms, RoomFeatures features, Authenticator authenticator,
      ConnectionSupervisor supervisor) {
    this.socket = socket;
    this.rooms = rooms;
    this.features = features;
    this.authenticator = authenticator;
    this.supervisor = supervisor;
    this.openedAt = this.lastReceivedAt = System.currentTimeMillis();
    socket.textHandler(this::onFrame);
    socket.closeHandler(v -> onClosed());
    supervisor.add(this);
  }

  public State state() {
    return state;
  }

  long openedAt() {
    return openedAt;
  }

  /** While we are not reading, silence is ours, not the client's: it counts as heard from now. */
  long lastReceivedAt() {
    return paused.isEmpty() ? lastReceivedAt : System.currentTimeMillis();
  }

  @Override
  public long lastHeardAt() {
    return lastReceivedAt();
  }

  @Override
  public void pauseReading() {
    pause(PauseReason.ROOM_BACKLOG);
  }

  @Override
  public void resumeReading() {
    resume(PauseReason.ROOM_BACKLOG);
  }

  private void pause(PauseReason reason) {
    if (paused.isEmpty()) {
      socket.pause();
    }
    paused.add(reason);
  }

  private void resume(PauseReason reason) {
    if (paused.remove(reason) && paused.isEmpty()) {
      lastReceivedAt = System.currentTimeMillis();
      socket.resume();
    }
  }

  @Override
  public String clientId() {
    return clientId;
  }

  @Override
  public Principal principal() {
    return principal;
  }

  /** The board this connection said hello to (null before hello). */
  String boardId() {
    return boardId;
  }

  /**
   * Reads the person's current role again (an access event concerned them, SPEC.md A5): gone →
   * {@code ERR_ACCESS_REVOKED} and close 4013; session ended → close 4010; changed → a {@code role}
   * frame with what the role allows, and every later message is checked against the new role. Only
   * the newest check applies.
   */
  void recheckAccess() {
    if (state != State.OPEN) {
      return;
    }
    long check = ++rechecks;
    authenticator.recheck(principal, boardId).onComplete(result -> {
      if (state != State.OPEN || check != rechecks) {
        return;
      }
      if (result.failed()) {
        if (result.cause() instanceof CrossboardException p && p.code() == ErrorCode.ERR_UNAUTHORIZED) {
          fatal(ErrorCode.ERR_UNAUTHORIZED, p.getMessage());
        } else {
          warn("access re-check failed; keeping the connection until the next check", result.cause());
        }
      } else if (result.result() == null) {
        accessEnded("your access to this board was removed");
      } else if (result.result() != principal.role()) {
        principal = principal.withRole(result.result());
        send(ServerMessages.role(principal.role().wire(), Action.allowedOnBoard(principal.role())).encode());
      }
    });
  }

  /** Closes with ACCESS_REVOKED (revocation, or a guest link's expiry). */
  void accessEnded(String message) {
    fatal(ErrorCode.ERR_ACCESS_REVOKED, message);
  }

  /**
   * Writes a frame; never throws (a broken socket is closed instead). P6: asking the transport
   * whether its queue is full costs more than a small write, so ask once per quarter of the bound
   * (at most 64 KiB) written. Once it is full, allow one more queue's worth while it drains; a peer
   * that cannot take even that is cut off. So no socket holds much more than twice its bound.
   */
  @Override
  public void send(String frame) {
    if (state == State.CLOSED) {
      return;
    }
    try {
      if (congestedChars >= 0) {
        congestedChars += frame.length();
        if (congestedChars > socket.writeQueueMaxBytes()) {
          close(CloseCode.SLOW_CONSUMER, "write queue full; resume with lastSeq");
          return;
        }
      } else if ((uncheckedChars += frame.length()) >= checkEvery()) {
        uncheckedChars = 0;
        if (socket.writeQueueFull()) {
          congestedChars = 0;
          socket.drainHandler(v -> congestedChars = -1);
        }
      }
      socket.send(frame);
    } catch (RuntimeException e) {
      warn("write failed; closing it", e);
      close(CloseCode.GOING_AWAY, "write failed");
    }
  }

  /** A warning about this connection: its log line says which one (and which client, once known). */
  private void warn(String message, Throwable cause) {
    Logs.withConnectionId(clientId == null ? connectionId : connectionId + "/" + clientId,
        () -> LOG.warn(message, cause));
  }

  private int checkEvery() {
    return Math.max(1, Math.min(64 * 1024, socket.writeQueueMaxBytes() / 4));
  }

  private void reply(JsonObject frame) {
    send(frame.encode());
  }

  @Override
  public void close(CloseCode code, String reason) {
    if (state == State.CLOSED) {
      return;
    }
    onClosed();
    supervisor.closedWith(code);
    socket.close(code, reason);
  }

  private void onClosed() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    supervisor.remove(this);
    held.clear();
    if (room != null) {
      room.leave(this);
    }
  }

  private void onFrame(String frame) {
    lastReceivedAt = System.currentTimeMillis();
    switch (state) {
      case AWAITING_HELLO -> onHelloFrame(frame);
      case JOINING -> {
        if (held.size() >= MAX_FRAMES_BEFORE_WELCOME) {
          fatal(ErrorCode.ERR_TOO_LARGE, "too many frames before welcome");
        } else {
          held.add(frame);
        }
      }
      case OPEN -> {
        if (held.isEmpty()) {
          onOpenFrame(frame);
        } else if (held.size() >= MAX_FRAMES_WAITING) { // paused, yet still arriving
          fatal(ErrorCode.ERR_TOO_LARGE, "too many frames while slowed down");
        } else {
          held.add(frame);
        }
      }
      case CLOSED -> { }
    }
  }

  private void onHelloFrame(String text) {
    ClientMessage.Hello hello;
    try {
      hello = ClientFrames.hello(ClientFrames.parse(text));
    } catch (CrossboardException e) {
      fatal(ErrorCode.ERR_BAD_HELLO, e.getMessage());
      return;
    }
    if (hello.protocol() < ProtocolVersion.MIN) {
      fatal(ErrorCode.ERR_CLIENT_TOO_OLD, "protocol " + protocolText(hello) + " is below "
          + ProtocolVersion.MIN + "; reload the page");
      return;
    }
    if (hello.protocol() > ProtocolVersion.MAX) {
      fatal(ErrorCode.ERR_SERVER_TOO_OLD, "protocol " + protocolText(hello) + " is above " + ProtocolVersion.MAX);
      return;
    }
    state = State.JOINING;
    clientId = hello.clientId();
    boardId = hello.board();
    authenticator.authenticate(hello)
        .compose(p -> {
          principal = p;
          if (state != State.JOINING) {
            return Future.failedFuture("closed");
          }
          if (supervisor.connectionsOf(p.userId(), this) >= supervisor.maxConnectionsPerUser()) {
            return Future.failedFuture(new CrossboardException(ErrorCode.ERR_TOO_MANY_CONNECTIONS,
                "more than " + supervisor.maxConnectionsPerUser() + " connections for one person; close a tab"));
          }
          return rooms.join(this, hello);
        })
        .onSuccess(this::onJoined)
        .onFailure(this::onJoinFailed);
  }

  private static String protocolText(ClientMessage.Hello hello) {
    return Math.abs(hello.protocol()) < 1e15 ? Long.toString((long) hello.protocol()) : Double.toString(hello.protocol());
  }

  private void onJoined(BoardRoom joined) {
    room = joined;
    if (state != State.JOINING) {
      joined.leave(this); // closed while joining
      return;
    }
    state = State.OPEN;
    releaseHeld(); // what arrived before the welcome, in order
  }

  private void onJoinFailed(Throwable e) {
    if (state != State.JOINING) {
      return;
    }
    if (e instanceof CrossboardException refused) {
      fatal(refused.code(), refused.getMessage());
    } else {
      warn("join failed", e);
      fatal(ErrorCode.ERR_UNAVAILABLE, "board could not be opened; retry");
    }
  }

  /** An error that ends the connection: the error frame, then the close code the error names. */
  private void fatal(ErrorCode code, String message) {
    reply(ServerMessages.error(null, code, message, null));
    close(code.closeCode(), code.name());
  }

  private void onOpenFrame(String text) {
    JsonObject frame;
    try {
      frame = ClientFrames.parse(text);
    } catch (CrossboardException e) {
      reply(ServerMessages.error(ClientFrames.requestIdOf(text), e));
      return;
    }
    String id = ClientFrames.requestId(frame);
    String type = ClientFrames.type(frame);
    Route<?> route = type == null ? null : features.route(type);
    if (route == null) {
      reply(MessageType.HELLO.wire().equals(type)
          ? ServerMessages.error(id, ErrorCode.ERR_NOT_HELLO, "already joined; hello is only the first frame", null)
          : ServerMessages.error(id, ClientFrames.unknownType(frame)));
    } else if (!route.needs().allows(principal.role())) { // A1: the role the person has now
      reply(ServerMessages.error(id, ErrorCode.ERR_FORBIDDEN,
          "role " + principal.role().wire() + " may not " + route.needs().call(), null));
    } else if (route.rate() != null && !rate(route).tryTake(System.nanoTime())) {
      holdUntilAllowed(text, rate(route));
    } else {
      room.dispatch(route, this, id, frame);
    }
  }

  /**
   * P8: over its rate, a connection is slowed down, never refused: its socket is not read until the
   * frame may go (TCP pushes back on the sender), then it and whatever arrived behind it are handled
   * in order. So nothing is dropped and the order of pushes is kept — a dropped push followed by
   * accepted later ones would make its re-send look like a duplicate.
   */
  private void holdUntilAllowed(String text, TokenBucket bucket) {
    held.addFirst(text); // back at the head: it was either the only frame or the one just taken from there
    if (!waitingForRate) {
      waitingForRate = true;
      pause(PauseReason.RATE);
      long waitMs = Math.max(1, bucket.nanosUntilToken(System.nanoTime()) / 1_000_000);
      supervisor.later(waitMs, this::releaseHeld);
    }
  }

  private void releaseHeld() {
    waitingForRate = false;
    while (!held.isEmpty() && state == State.OPEN && !waitingForRate) {
      onOpenFrame(held.poll());
    }
    if (!waitingForRate) {
      resume(PauseReason.RATE);
    }
  }

  private TokenBucket rate(Route<?> route) {
    return rates.computeIfAbsent(route.type(),
        t -> new TokenBucket(route.rate().perSecond(), route.rate().burst(), System.nanoTime()));
  }
}
