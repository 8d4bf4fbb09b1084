package org.crossboard.session;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain over a vote's ballots (SPEC.md L7): {@code hash_i = SHA-256(hash_{i-1} + "\n" +
 * canonical(ballot_i))}, hex, starting from {@link #GENESIS}. Everyone sees the head move while the
 * vote is open; at close the ballots are revealed and anyone can recompute it, so no ballot can be
 * added, dropped or changed unnoticed. The canonical form fixes the key order (n, voter, record,
 * delta, nonce) so any client can rebuild it without a JSON library's help.
 */
public final class BallotChain {
  public static final String GENESIS = "0".repeat(64);

  private BallotChain() {}

  /** The head after appending {@code ballot} to a chain whose head is {@code previousHash}. */
  public static String next(String previousHash, JsonObject ballot) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((previousHash + "\n" + canonical(ballot)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The head of a chain of these ballots, recomputed from the genesis. */
  public static String headOf(List<JsonObject> ballots) {
    String hash = GENESIS;
    for (JsonObject b : ballots) {
      hash = next(hash, b);
    }
    return hash;
  }

  /** {@code {"n":1,"voter":"u_1","record":"n_1","delta":1,"nonce":"…"}}, exactly these keys in this order. */
  static String canonical(JsonObject ballot) {
    return "{\"n\":" + ballot.getLong("n")
        + ",\"voter\":" + Json.encode(ballot.getString("voter"))
        + ",\"record\":" + Json.encode(ballot.getString("record"))
        + ",\"delta\":" + ballot.getLong("delta")
        + ",\"nonce\":" + Json.encode(ballot.getString("nonce")) + "}";
  }
}
