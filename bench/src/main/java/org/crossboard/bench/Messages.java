package org.crossboard.bench;

/**
 * Client frames of protocol version 1, built as strings (the generator sends thousands per
 * second and the shapes are fixed), and the request-id scheme {@code r<clientSeq>}.
 */
public final class Messages {

    private Messages() {
    }

    /** The {@code hello} frame (tokens are base64url and dots: nothing to escape). */
    public static String hello(String board, String clientId, String token) {
        return "{\"t\":\"hello\",\"protocol\":1,\"board\":\"" + board + "\",\"clientId\":\"" + clientId
            + "\",\"token\":\"" + token + "\"}";
    }

    /** A {@code ping} frame. */
    public static String ping() {
        return "{\"t\":\"ping\",\"id\":\"p\"}";
    }

    /** A {@code presence} frame moving the cursor to (x, y); fire and forget, no request id. */
    public static String cursor(long x, long y) {
        return "{\"t\":\"presence\",\"cursor\":{\"x\":" + x + ",\"y\":" + y + "}}";
    }

    /** A put change creating a 200×200 empty note. */
    public static String putNote(String noteId, String order, int x, int y) {
        return "{\"op\":\"put\",\"record\":{\"id\":\"" + noteId + "\",\"type\":\"note\",\"order\":\""
            + order + "\",\"x\":" + x + ",\"y\":" + y + ",\"w\":200,\"h\":200,\"text\":\"\"}}";
    }

    /** A patch change moving a note and replacing its text. */
    public static String patchNote(String noteId, int x, String text) {
        return "{\"op\":\"patch\",\"id\":\"" + noteId + "\",\"props\":{\"x\":" + x + ",\"text\":\""
            + text + "\"}}";
    }

    /** A push of one change, with request id {@code r<clientSeq>}. */
    public static String push(long clientSeq, String change) {
        return "{\"t\":\"push\",\"id\":\"r" + clientSeq + "\",\"clientSeq\":" + clientSeq
            + ",\"changes\":[" + change + "]}";
    }

    /** The clientSeq encoded in a request id {@code r<clientSeq>}, or -1. */
    public static long clientSeqOf(String requestId) {
        if (requestId == null || requestId.length() < 2 || requestId.charAt(0) != 'r') {
            return -1;
        }
        try {
            return Long.parseLong(requestId, 1, requestId.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
