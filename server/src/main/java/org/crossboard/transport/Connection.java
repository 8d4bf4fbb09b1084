package org.crossboard.transport;

import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import org.crossboard.access.Action;
import org.crossboard.access.Authenticator;
import org.crossboard.access.Principal;
import org.crossboard.board.BoardNotFoundException;
import org.crossboard.board.BoardRoom;
import org.crossboard.board.RoomMember;
import org.crossboard.board.RoomRegistry;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.protocol.ClientMessageDecoder;
import org.crossboard.protocol.CloseCode;
import org.crossboard.error.ErrorCode;
import org.crossboard.protocol.Limits;
import org.crossboard.error.CrossboardException;
import org.crossboard.protocol.ProtocolVersion;
import org.crossboard.protocol.ServerMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket: a state machine {@code AWAITING_HELLO → JOINING → OPEN → CLOSED} that
 * decodes frames, answers bad input with precise errors (SPEC.md P3) and hands valid messages
 * to its board room. Event-loop confined.
 */
public final class Connection implements RoomMember {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
  private static final int MAX_FRAMES_WHILE_JOINING = 200;

  /** Named states of a connection. */
  public enum State { AWAITING_HELLO, JOINING, OPEN, CLOSED }

  private final ClientSocket socket;
  private final RoomRegistry rooms;
  private final Authenticator authenticator;
  private final ConnectionSupervisor supervisor;
  private final TokenBucket pushes;
  private final ArrayDeque<String> whileJoining = new ArrayDeque<>();
  private final long openedAt;
  private volatile long lastReceivedAt;
  private State state = State.AWAITING_HELLO;
  private long congestedChars = -1;
  private boolean readingPaused;
  private long uncheckedChars;
  private Principal principal;
  private String clientId;
  private String boardId;
  private BoardRoom room;
  private long rechecks;

  public Connection(ClientSocket socket, RoomRegistry rooms, Authenticator authenticator, ConnectionSupervisor supervisor) {
    this.socket = socket;
    this.rooms = rooms;
    this.authenticator = authenticator;
    this.supervisor = supervisor;
    this.openedAt = this.lastReceivedAt = System.currentTimeMillis();
    this.pushes = new TokenBucket(Limits.PUSHES_PER_SECOND, Limits.PUSH_BURST, System.nanoTime());
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
    return readingPaused ? System.currentTimeMillis() : lastReceivedAt;
  }

  @Override
  public long lastHeardAt() {
    return lastReceivedAt();
  }

  @Override
  public void pauseReading() {
    readingPaused = true;
    socket.pause();
  }

  @Override
  public void resumeReading() {
    readingPaused = false;
    lastReceivedAt = System.currentTimeMillis();
    socket.resume();
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
   * frame, and every later message is checked against the new role. Only the newest check applies.
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
          fatal(ErrorCode.ERR_UNAUTHORIZED, p.getMessage(), CloseCode.UNAUTHORIZED);
        } else {
          LOG.warn("access re-check failed; keeping the connection until the next check", result.cause());
        }
      } else if (result.result() == null) {
        accessEnded("your access to this board was removed");
      } else if (result.result() != principal.role()) {
        principal = principal.withRole(result.result());
        sendJson(ServerMessages.role(principal.role().wire()));
      }
    });
  }

  /** Closes with ACCESS_REVOKED (revocation, or a guest link's expiry). */
  void accessEnded(String message) {
    fatal(ErrorCode.ERR_ACCESS_REVOKED, message, CloseCode.ACCESS_REVOKED);
  }

  @Override
  public void send(String frame) {
    if (state == State.CLOSED) {
      return;
    }
    // P6: asking the transport whether its queue is full costs more than a small write, so ask
    // once per quarter of the bound (at most 64 KiB) written. Once it is full, allow one more
    // queue's worth while it drains; a peer that cannot take even that is cut off. So no socket
    // holds much more than twice its bound.
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
  }

  private int checkEvery() {
    return Math.max(1, Math.min(64 * 1024, socket.writeQueueMaxBytes() / 4));
  }

  private void sendJson(JsonObject json) {
    send(json.encode());
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
    whileJoining.clear();
    if (room != null) {
      room.leave(this);
    }
  }

  private void onFrame(String frame) {
    lastReceivedAt = System.currentTimeMillis();
    switch (state) {
      case AWAITING_HELLO -> onHelloFrame(frame);
      case JOINING -> {
        if (whileJoining.size() >= MAX_FRAMES_WHILE_JOINING) {
          fatal(ErrorCode.ERR_TOO_LARGE, "too many frames before welcome", CloseCode.PROTOCOL_VIOLATION);
        } else {
          whileJoining.add(frame);
        }
      }
      case OPEN -> onOpenFrame(frame);
      case CLOSED -> { }
    }
  }

  private void onHelloFrame(String frame) {
    ClientMessage.Hello hello;
    try {
      if (!(ClientMessageDecoder.decode(frame) instanceof ClientMessage.Hello h)) {
        throw new CrossboardException(ErrorCode.ERR_BAD_HELLO, "the first frame must be hello");
      }
      hello = h;
    } catch (CrossboardException e) {
      fatal(ErrorCode.ERR_BAD_HELLO, e.getMessage(), CloseCode.PROTOCOL_VIOLATION);
      return;
    }
    if (hello.protocol() < ProtocolVersion.MIN) {
      fatal(ErrorCode.ERR_CLIENT_TOO_OLD, "protocol " + hello.protocol() + " is below "
          + ProtocolVersion.MIN + "; reload the page", CloseCode.CLIENT_TOO_OLD);
      return;
    }
    if (hello.protocol() > ProtocolVersion.MAX) {
      fatal(ErrorCode.ERR_SERVER_TOO_OLD, "protocol " + hello.protocol() + " is above "
          + ProtocolVersion.MAX, CloseCode.SERVER_TOO_OLD);
      return;
    }
    state = State.JOINING;
    clientId = hello.clientId();
    boardId = hello.board();
    authenticator.authenticate(hello)
        .compose(p -> {
          principal = p;
          if (state != State.JOINING) {
            return io.vertx.core.Future.failedFuture("closed");
          }
          if (supervisor.connectionsOf(p.userId(), this) >= supervisor.maxConnectionsPerUser()) {
            return io.vertx.core.Future.failedFuture(new CrossboardException(ErrorCode.ERR_TOO_MANY_CONNECTIONS,
                "more than " + supervisor.maxConnectionsPerUser() + " connections for one person; close a tab"));
          }
          return rooms.join(this, hello);
        })
        .onSuccess(this::onJoined)
        .onFailure(this::onJoinFailed);
  }

  private void onJoined(BoardRoom joined) {
    room = joined;
    if (state != State.JOINING) {
      joined.leave(this); // closed while joining
      return;
    }
    state = State.OPEN;
    while (!whileJoining.isEmpty() && state == State.OPEN) {
      onOpenFrame(whileJoining.poll());
    }
  }

  private void onJoinFailed(Throwable e) {
    if (state != State.JOINING) {
      return;
    }
    if (e instanceof BoardNotFoundException) {
      fatal(ErrorCode.ERR_BOARD_NOT_FOUND, e.getMessage(), CloseCode.BOARD_NOT_FOUND);
    } else if (e instanceof CrossboardException p && p.code() == ErrorCode.ERR_FORBIDDEN) {
      fatal(p.code(), p.getMessage(), CloseCode.FORBIDDEN);
    } else if (e instanceof CrossboardException p && p.code() == ErrorCode.ERR_UNAUTHORIZED) {
      fatal(p.code(), p.getMessage(), CloseCode.UNAUTHORIZED);
    } else if (e instanceof CrossboardException p && p.code() == ErrorCode.ERR_TOO_MANY_CONNECTIONS) {
      fatal(p.code(), p.getMessage(), CloseCode.TOO_MANY_CONNECTIONS);
    } else if (e instanceof CrossboardException p) {
      fatal(p.code(), p.getMessage(), CloseCode.PROTOCOL_VIOLATION);
    } else {
      LOG.warn("join failed", e);
      fatal(ErrorCode.ERR_UNAVAILABLE, "board could not be opened; retry", CloseCode.GOING_AWAY);
    }
  }

  private void fatal(ErrorCode code, String message, CloseCode closeCode) {
    sendJson(ServerMessages.error(null, code, message, null));
    close(closeCode, code.name());
  }

  private void onOpenFrame(String frame) {
    ClientMessage message;
    try {
      message = ClientMessageDecoder.decode(frame);
    } catch (CrossboardException e) {
      sendJson(ServerMessages.error(ClientMessageDecoder.requestIdOf(frame), e));
      return;
    }
    if (message instanceof ClientMessage.Push push) {
      onPush(push);
    } else if (message instanceof ClientMessage.Fetch fetch) {
      if (allowed(Action.FETCH_OPS, fetch.id())) {
        room.fetch(this, fetch);
      }
    } else if (message instanceof ClientMessage.Presence presence) {
      if (allowed(Action.SEND_PRESENCE, presence.id())) {
        room.presence(this, presence.fields());
      }
    } else if (message instanceof ClientMessage.Ping ping) {
      sendJson(ServerMessages.pong(ping.id(), System.currentTimeMillis()));
    } else {
      sendJson(ServerMessages.error(message.id(), ErrorCode.ERR_NOT_HELLO,
          "already joined; hello is only the first frame", null));
    }
  }

  /** SPEC.md A1: every message is checked against the role the person has now. */
  private boolean allowed(Action action, String requestId) {
    if (action.allows(principal.role())) {
      return true;
    }
    sendJson(ServerMessages.error(requestId, ErrorCode.ERR_FORBIDDEN,
        "role " + principal.role().wire() + " may not " + action.call(), null));
    return false;
  }

  private void onPush(ClientMessage.Push push) {
    // commenters get through here; the room lets their pushes touch only their own comments
    if (!allowed(Action.PUSH_COMMENT, push.id())) {
      return;
    }
    if (!pushes.tryTake(System.nanoTime())) {
      sendJson(ServerMessages.error(push.id(), ErrorCode.ERR_RATE_LIMITED,
          "more than " + Limits.PUSHES_PER_SECOND + " pushes per second", null));
    } else {
      room.submit(this, push);
    }
  }
}
