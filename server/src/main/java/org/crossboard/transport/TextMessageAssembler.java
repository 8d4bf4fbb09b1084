package org.crossboard.transport;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.crossboard.protocol.CloseCode;

/**
 * Turns WebSocket frames into text messages, strictly: a message may arrive in fragments, is
 * bounded in size while it arrives, and must be valid UTF-8 (RFC 6455 §8.1). Binary messages are
 * not part of the protocol. Anything else is a {@link Refusal} carrying the close code the peer is
 * owed (1003, 1007, 1009) — never a silently dropped or repaired message. One per socket; not
 * thread-safe.
 */
final class TextMessageAssembler {
  /** Why a message was refused, and the close code that says so. */
  record Refusal(CloseCode code, String reason) {}

  /** What a frame completed: a text message, a refusal, or nothing yet. */
  record Result(String text, Refusal refusal) {
    static final Result PENDING = new Result(null, null);
  }

  private final int maxBytes;
  private Buffer pending;
  private boolean inBinary;

  TextMessageAssembler(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  Result accept(WebSocketFrame frame) {
    if (frame.isBinary() || frame.isContinuation() && inBinary) {
      inBinary = !frame.isFinal();
      return new Result(null, new Refusal(CloseCode.UNSUPPORTED_DATA, "binary messages are not part of the protocol"));
    }
    if (frame.isText()) {
      pending = Buffer.buffer();
    } else if (!frame.isContinuation() || pending == null) {
      return Result.PENDING; // control frames are the transport's business
    }
    if (pending.length() + frame.binaryData().length() > maxBytes) {
      pending = null;
      return new Result(null, new Refusal(CloseCode.MESSAGE_TOO_BIG, "message over " + maxBytes + " bytes"));
    }
    pending.appendBuffer(frame.binaryData());
    if (!frame.isFinal()) {
      return Result.PENDING;
    }
    Buffer whole = pending;
    pending = null;
    try {
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      return new Result(utf8.decode(ByteBuffer.wrap(whole.getBytes())).toString(), null);
    } catch (CharacterCodingException e) {
      return new Result(null, new Refusal(CloseCode.INVALID_PAYLOAD, "text message is not valid UTF-8"));
    }
  }
}
