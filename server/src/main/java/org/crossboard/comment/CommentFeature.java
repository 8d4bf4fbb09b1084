package org.crossboard.comment;

import static org.crossboard.board.PropSpec.bool;
import static org.crossboard.board.PropSpec.order;
import static org.crossboard.board.PropSpec.refToAnyBut;
import static org.crossboard.board.PropSpec.text;

import java.util.Set;
import org.crossboard.access.Action;
import org.crossboard.board.CoreRecordTypes;
import org.crossboard.board.RecordType;
import org.crossboard.protocol.Limits;
import org.crossboard.room.FeatureRegistry;
import org.crossboard.room.RoomFeature;

/**
 * Comments on a board (SPEC.md R2, A6): a {@code comment} record at a point, optionally on a record
 * (removed with it). Commenters may add comments and change or remove their own; editors and above
 * may move, resolve or remove anyone's; only its author may change a comment's text. The server
 * stamps the author's name.
 */
public final class CommentFeature implements RoomFeature {
  public static final RecordType COMMENT = RecordType.builder("comment", Action.PUSH_COMMENT)
      .othersNeed(Action.PUSH_EDIT)
      .authorOnly("text")
      .namesAuthor()
      .required("order", order())
      .required("x", CoreRecordTypes.COORDINATE)
      .required("y", CoreRecordTypes.COORDINATE)
      .required("text", text(Limits.MAX_TEXT_LENGTH))
      .optional("target", refToAnyBut(Set.of("board", "comment"), true))
      .optional("resolved", bool())
      .build();

  @Override
  public void register(FeatureRegistry registry) {
    registry.recordType(COMMENT);
  }
}
