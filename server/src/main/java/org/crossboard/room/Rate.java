package org.crossboard.room;

/** How often one connection may send a message type: sustained per second, and a burst (SPEC.md P8). */
public record Rate(int perSecond, int burst) {}
