package org.crossboard.translation;

import io.vertx.core.Future;

/**
 * A machine translation engine (SPEC.md N3). The server's adapter is {@link LibreTranslateTranslator};
 * there is none when {@code TRANSLATE_URL} is unset. Only {@link TranslationService} calls it, from
 * REST reads — never on the edit path.
 */
public interface Translator {
  /** The value of {@code source} that asks the engine to detect the language. */
  String AUTO = "auto";

  /**
   * Translates {@code text} from {@code source} (a language tag, or {@value #AUTO}) into
   * {@code target}. Fails with {@link TranslatorException} when the engine refuses, answers
   * something unreadable or not in time.
   */
  Future<Translation> translate(String text, String source, String target);

  /** The engine's name, as machine translations are labelled ("machine-translated by …"). */
  String engine();
}
