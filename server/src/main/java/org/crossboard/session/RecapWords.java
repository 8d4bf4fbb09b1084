package org.crossboard.session;

import java.util.Map;
import org.crossboard.access.AccountService;

/**
 * The words of a Markdown recap in the reader's language (SPEC.md L10, W15): one of the account
 * languages ({@link AccountService#LANGUAGES}), English for any other. What people typed is quoted
 * as typed; the CSV recap keeps English column names, which are a data format, not prose.
 */
final class RecapWords {
  /** One language's words; {@code {n}} and {@code {label}} are filled in. */
  private record Words(String scheduled, String started, String ended, String agenda, String phase,
      String planned, String actual, String votes, String vote, String anonymous, String rank, String item,
      String dots, String ballotsOne, String ballotsOther, String openComments, String onLabel,
      String attendance, String name, String org, String country, String joined, String left) {}

  private static final Map<String, Words> WORDS = Map.of(
      "en", new Words("Scheduled", "Started", "Ended", "Agenda", "Phase", "Planned (min)", "Actual (min)", "Votes",
          "Vote {n}", "(anonymous)", "Rank", "Record", "Dots", "{n} ballot, chain head", "{n} ballots, chain head",
          "Open comments", "on {label}", "Attendance", "Name", "Organisation", "Country", "Joined", "Left"),
      "fr", new Words("Prévue", "Commencée", "Terminée", "Programme", "Phase", "Prévu (min)", "Réel (min)", "Votes",
          "Vote {n}", "(anonyme)", "Rang", "Élément", "Points", "{n} bulletin, tête de chaîne",
          "{n} bulletins, tête de chaîne", "Commentaires ouverts", "sur {label}", "Présences", "Nom", "Organisation",
          "Pays", "Arrivée", "Départ"),
      "de", new Words("Geplant", "Begonnen", "Beendet", "Ablauf", "Phase", "Geplant (Min.)", "Tatsächlich (Min.)",
          "Abstimmungen", "Abstimmung {n}", "(anonym)", "Rang", "Element", "Punkte", "{n} Stimmzettel, Kettenkopf",
          "{n} Stimmzettel, Kettenkopf", "Offene Kommentare", "zu {label}", "Anwesenheit", "Name", "Organisation",
          "Land", "Beigetreten", "Gegangen"),
      "es", new Words("Programada", "Iniciada", "Terminada", "Agenda", "Fase", "Previsto (min)", "Real (min)",
          "Votaciones", "Votación {n}", "(anónima)", "Puesto", "Elemento", "Puntos", "{n} papeleta, cabeza de la cadena",
          "{n} papeletas, cabeza de la cadena", "Comentarios abiertos", "sobre {label}", "Asistencia", "Nombre",
          "Organización", "País", "Entrada", "Salida"),
      "pt", new Words("Agendada", "Iniciada", "Terminada", "Agenda", "Fase", "Previsto (min)", "Real (min)", "Votações",
          "Votação {n}", "(anónima)", "Posição", "Elemento", "Pontos", "{n} boletim, cabeça da cadeia",
          "{n} boletins, cabeça da cadeia", "Comentários em aberto", "sobre {label}", "Presenças", "Nome",
          "Organização", "País", "Entrada", "Saída"),
      "et", new Words("Kavandatud", "Algas", "Lõppes", "Päevakord", "Etapp", "Plaanitud (min)", "Tegelik (min)",
          "Hääletused", "Hääletus {n}", "(anonüümne)", "Koht", "Element", "Punktid", "{n} hääletussedel, ahela pea",
          "{n} hääletussedelit, ahela pea", "Avatud kommentaarid", "{label} kohta", "Osalejad", "Nimi",
          "Organisatsioon", "Riik", "Liitus", "Lahkus"));

  private final String lang;
  private final Words words;

  private RecapWords(String lang) {
    this.lang = lang != null && WORDS.containsKey(lang) ? lang : AccountService.DEFAULT_LANGUAGE;
    this.words = WORDS.get(this.lang);
  }

  /** The words in {@code lang} (English when null or not an account language). */
  static RecapWords in(String lang) {
    return new RecapWords(lang);
  }

  String lang() {
    return lang;
  }

  String scheduled() {
    return words.scheduled();
  }

  String started() {
    return words.started();
  }

  String ended() {
    return words.ended();
  }

  String agenda() {
    return words.agenda();
  }

  String phase() {
    return words.phase();
  }

  String planned() {
    return words.planned();
  }

  String actual() {
    return words.actual();
  }

  String votes() {
    return words.votes();
  }

  String vote(int number) {
    return words.vote().replace("{n}", Integer.toString(number));
  }

  String anonymous() {
    return words.anonymous();
  }

  String rank() {
    return words.rank();
  }

  String item() {
    return words.item();
  }

  String dots() {
    return words.dots();
  }

  /** "3 ballots, chain head" with the language's plural form (French: singular for 0 and 1). */
  String ballots(int count) {
    boolean one = count == 1 || (lang.equals("fr") && count == 0);
    return (one ? words.ballotsOne() : words.ballotsOther()).replace("{n}", Integer.toString(count));
  }

  String openComments() {
    return words.openComments();
  }

  /** "on <label>", {@code label} already escaped. */
  String on(String label) {
    return words.onLabel().replace("{label}", label);
  }

  String attendance() {
    return words.attendance();
  }

  String name() {
    return words.name();
  }

  String org() {
    return words.org();
  }

  String country() {
    return words.country();
  }

  String joined() {
    return words.joined();
  }

  String left() {
    return words.left();
  }
}
