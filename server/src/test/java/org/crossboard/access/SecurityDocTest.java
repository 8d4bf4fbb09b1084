package org.crossboard.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/SECURITY.md's role × action table says exactly what the server enforces. */
class SecurityDocTest {

  @Test
  @DisplayName("[A1] every row of the SECURITY.md table matches Action, and every Action has a row")
  void tableMatchesTheEnum() throws Exception {
    Path doc = Path.of("../docs/SECURITY.md");
    Map<String, List<String>> rows = new HashMap<>();
    for (String line : Files.readAllLines(doc)) {
      if (line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        List<String> marks = new ArrayList<>();
        for (int i = 4; i < cells.length; i++) {
          marks.add(cells[i].strip());
        }
        rows.put(cells[1].strip().replace("`", ""), marks);
      }
    }
    assertEquals(Action.values().length, rows.size(), "one row per action: " + rows.keySet());
    for (Action action : Action.values()) {
      List<String> marks = rows.get(action.name());
      assertNotNull(marks, "no row for " + action);
      for (Role role : Role.values()) {
        assertEquals(action.allows(role) ? "✓" : "✗", marks.get(role.ordinal()), action + " × " + role);
      }
    }
  }
}
