package org.crossboard.thread;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.crossboard.access.AccountService;

/**
 * The words of a notification digest e-mail in the person's language (SPEC.md K7, W15): one of
 * the account languages ({@link AccountService#LANGUAGES}), English for any other. The phrases are
 * the web client's notification phrases ({@code i18n-threads.js}), so the mail says what the bell
 * says. What people wrote (names, excerpts, board titles) is quoted as written.
 */
public final class DigestText {
  /** One language's phrases; {@code {n}} and {@code {name}} are filled in. */
  private record Phrases(String subjectOne, String subjectOther, String greeting, String intro, String mention,
      String reply, String yourRecord, String other, String someone, String footer) {}

  private static final Map<String, Phrases> PHRASES = Map.of(
      "en", new Phrases("Crossboard: {n} unread notification", "Crossboard: {n} unread notifications", "Hello {name},",
          "while you were away:", "{name} mentioned you", "{name} replied in a thread you’re in",
          "{name} commented on your note", "{name} commented", "Someone",
          "Mute a board or a thread from its comments panel."),
      "fr", new Phrases("Crossboard : {n} notification non lue", "Crossboard : {n} notifications non lues",
          "Bonjour {name},", "pendant votre absence :", "{name} vous a mentionné·e",
          "{name} a répondu dans un fil auquel vous participez", "{name} a commenté votre note", "{name} a commenté",
          "Quelqu’un", "Mettez un tableau ou un fil en sourdine depuis son panneau de commentaires."),
      "de", new Phrases("Crossboard: {n} ungelesene Benachrichtigung", "Crossboard: {n} ungelesene Benachrichtigungen",
          "Hallo {name},", "während Sie weg waren:", "{name} hat Sie erwähnt",
          "{name} hat in einer Ihrer Diskussionen geantwortet", "{name} hat Ihre Notiz kommentiert",
          "{name} hat kommentiert", "Jemand",
          "Ein Board oder eine Diskussion schalten Sie in deren Kommentarbereich stumm."),
      "es", new Phrases("Crossboard: {n} notificación sin leer", "Crossboard: {n} notificaciones sin leer",
          "Hola, {name}:", "mientras no estabas:", "{name} te mencionó",
          "{name} respondió en un hilo en el que participas", "{name} comentó tu nota", "{name} comentó", "Alguien",
          "Silencia un tablero o un hilo desde su panel de comentarios."),
      "pt", new Phrases("Crossboard: {n} notificação por ler", "Crossboard: {n} notificações por ler",
          "Olá, {name}.", "Enquanto esteve ausente:", "{name} mencionou-o",
          "{name} respondeu numa conversa em que participa", "{name} comentou a sua nota", "{name} comentou", "Alguém",
          "Silencie um quadro ou uma conversa no respetivo painel de comentários."),
      "et", new Phrases("Crossboard: {n} lugemata teavitus", "Crossboard: {n} lugemata teavitust", "Tere, {name}!",
          "Sel ajal, kui olid eemal:", "{name} mainis sind", "{name} vastas arutelus, milles osaled",
          "{name} kommenteeris sinu märget", "{name} kommenteeris", "Keegi",
          "Tahvli või arutelu saad vaigistada selle kommentaaride paneelist."));

  private final String lang;
  private final Phrases phrases;

  private DigestText(String lang) {
    this.lang = lang != null && PHRASES.containsKey(lang) ? lang : AccountService.DEFAULT_LANGUAGE;
    this.phrases = PHRASES.get(this.lang);
  }

  /** The words in {@code lang} (an account's language; English when null or unknown). */
  public static DigestText in(String lang) {
    return new DigestText(lang);
  }

  /** The language the words are in. */
  public String lang() {
    return lang;
  }

  /** "Crossboard: 3 unread notifications", with the language's plural form. */
  public String subject(int count) {
    return (one(count) ? phrases.subjectOne() : phrases.subjectOther()).replace("{n}", Integer.toString(count));
  }

  /**
   * The body: a greeting, one line per notification with its excerpt and the link to its thread
   * ({@code publicUrl} + board page), and how to mute.
   */
  public String body(String name, List<JsonObject> notifications, String publicUrl) {
    StringBuilder out = new StringBuilder(phrases.greeting().replace("{name}", name)).append("\n\n")
        .append(phrases.intro()).append("\n\n");
    for (JsonObject n : notifications) {
      String who = n.getJsonObject("from", new JsonObject()).getString("name", phrases.someone());
      String why = switch (n.getString("reason", "")) {
        case "mention" -> phrases.mention();
        case "reply" -> phrases.reply();
        case "your-record" -> phrases.yourRecord();
        default -> phrases.other();
      };
      out.append("- ").append(why.replace("{name}", who)).append(": \"").append(n.getString("excerpt", ""))
          .append("\"\n  ").append(publicUrl).append("/board.html?b=").append(n.getString("board"))
          .append("&thread=").append(n.getString("thread")).append("\n");
    }
    return out.append('\n').append(phrases.footer()).append('\n').toString();
  }

  /**
   * Whether {@code count} takes the singular: CLDR's "one" for these languages — 1, and in French
   * also 0.
   */
  private boolean one(int count) {
    return count == 1 || (lang.equals("fr") && count == 0);
  }
}
