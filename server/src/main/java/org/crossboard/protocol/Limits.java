package org.crossboard.protocol;

/**
 * Protocol limits. Frames above {@link #MAX_FRAME_BYTES} get {@code ERR_TOO_LARGE}; the transport
 * itself refuses frames above {@link #TRANSPORT_MAX_FRAME_BYTES} (close 1009) so that a protocol
 * error can still be answered politely for anything in between.
 */
public final class Limits {
  public static final int MAX_FRAME_BYTES = 256 * 1024;
  public static final int TRANSPORT_MAX_FRAME_BYTES = 4 * 1024 * 1024;
  public static final int MAX_CHANGES_PER_PUSH = 500;
  public static final int MAX_TEXT_LENGTH = 10_000;
  public static final int MAX_TITLE_LENGTH = 200;
  public static final int MAX_LABEL_LENGTH = 500;
  public static final int MAX_NAME_LENGTH = 80;
  public static final int MAX_REQUEST_ID_LENGTH = 64;
  public static final int PUSHES_PER_SECOND = 50;
  public static final int PUSH_BURST = 100;

  private Limits() {}
}
