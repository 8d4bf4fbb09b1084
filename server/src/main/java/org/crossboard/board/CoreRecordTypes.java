package org.crossboard.board;

import static org.crossboard.board.PropSpec.bool;
import static org.crossboard.board.PropSpec.color;
import static org.crossboard.board.PropSpec.language;
import static org.crossboard.board.PropSpec.mergingText;
import static org.crossboard.board.PropSpec.number;
import static org.crossboard.board.PropSpec.oneOf;
import static org.crossboard.board.PropSpec.order;
import static org.crossboard.board.PropSpec.refTo;
import static org.crossboard.board.PropSpec.refToAnyBut;
import static org.crossboard.board.PropSpec.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crossboard.access.Action;
import org.crossboard.protocol.Limits;

/** The record types of the board itself (SPEC.md R1–R5): the board record and what people draw. */
public final class CoreRecordTypes {
  /** A record's frame: removing the frame removes what it holds; frames never contain themselves. */
  public static final PropSpec PARENT = refTo(Set.of("frame"), true, true);

  /** A position on the board (SPEC.md R3). */
  public static final PropSpec COORDINATE = number(-1_000_000, 1_000_000);
  private static final PropSpec SIZE = number(1, 100_000);

  /**
   * What notes, texts and shapes may carry besides their box; their text merges (SPEC.md T1), and
   * {@code lang} names the language it is written in (N1).
   */
  private static final Map<String, PropSpec> CONTENT = Map.of(
      "text", mergingText(Limits.MAX_TEXT_LENGTH), "color", color(), "fontSize", number(6, 400),
      "rotation", number(-360, 360), "parent", PARENT, "locked", bool(), "lang", language());

  /** Its title stays whole-value: a rename is one audited change (BoardTitleFeature), typed in one field. */
  public static final RecordType BOARD = RecordType.builder("board", Action.PUSH_EDIT)
      .optional("title", text(Limits.MAX_TITLE_LENGTH)).singleton().build();

  public static final RecordType FRAME = box("frame")
      .optional("title", mergingText(Limits.MAX_TITLE_LENGTH)).optional("lang", language())
      .optional("color", color()).optional("parent", PARENT).optional("locked", bool()).build();

  public static final RecordType NOTE = box("note").optional(CONTENT).build();

  public static final RecordType TEXT = box("text").optional(CONTENT).build();

  public static final RecordType SHAPE = box("shape").required("shape", oneOf("rectangle", "ellipse", "diamond"))
      .optional(CONTENT).build();

  /** Connects two records; removed with either end (C5). */
  public static final RecordType CONNECTOR = RecordType.builder("connector", Action.PUSH_EDIT)
      .required("order", order())
      .required("from", refToAnyBut(Set.of("connector", "board"), true))
      .required("to", refToAnyBut(Set.of("connector", "board"), true))
      .optional("label", mergingText(Limits.MAX_LABEL_LENGTH)).optional("color", color()).optional("parent", PARENT)
      .optional("locked", bool()).build();

  public static final List<RecordType> ALL = List.of(BOARD, FRAME, NOTE, TEXT, SHAPE, CONNECTOR);

  private CoreRecordTypes() {}

  private static RecordType.Builder box(String name) {
    return RecordType.builder(name, Action.PUSH_EDIT).required("order", order())
        .required("x", COORDINATE).required("y", COORDINATE).required("w", SIZE).required("h", SIZE);
  }
}
