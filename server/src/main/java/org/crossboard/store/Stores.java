package org.crossboard.store;

/** The storage adapters one server runs with, chosen at the composition root. */
public record Stores(BoardCatalog boards, OpLog ops, SnapshotStore snapshots) {}
