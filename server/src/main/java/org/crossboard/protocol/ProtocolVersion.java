package org.crossboard.protocol;

/** The protocol versions this server speaks; a hello outside the range is refused. */
public final class ProtocolVersion {
  public static final int MIN = 1;
  public static final int MAX = 1;
  public static final int CURRENT = MAX;

  private ProtocolVersion() {}
}
