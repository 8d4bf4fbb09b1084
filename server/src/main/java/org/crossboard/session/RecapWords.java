package org.crossboard.session;

import java.util.Map;
import org.crossboard.access.AccountService;

/**
 * The words of a Markdown recap in the reader's language (SPEC.md L10, W15): one of the account
 * languages ({@link AccountService#LANGUAGES}), English for any other. What people typed is quoted
 * as typed; the CSV recap keeps English column names, which are a data format, not prose.
 * {@code {n}} and {@code {label}} in a phrase are filled in.
 */
record RecapWords(String lang, String scheduled, String started, String ended, String agenda, String phase,
    String planned, String actual, String votes, String vote, String anonymous, String rank, String item, String dots,
    String ballotsOne, String ballotsOther, String openComments, String onLabel, String attendance, String name,
    String org, String country, String joined, String left) {

  private static final Map<String, RecapWords> WORDS = Map.of(
      "en", new RecapWords("en", "Scheduled", "Started", "Ended", "Agenda", "Phase", "Planned (min)",
          "Actual (min)", "Votes", "Vote {n}", "(anonymous)", "Rank", "Record", "Dots", "{n} ballot, chain head",
          "{n} ballots, chain head", "Open comments", "on {label}", "Attendance", "Name", "Organisation", "Country",
          "Joined", "Left"),
      "fr", new RecapWords("fr", "Prévue", "Commencée", "Terminée", "Programme", "Phase", "Prévu (min)",
          "Réel (min)", "Votes", "Vote {n}", "(anonyme)", "Rang", "Élément", "Points",
          "{n} bulletin, tête de chaîne", "{n} bulletins, tête de chaîne", "Commentaires ouverts", "sur {label}",
          "Présences", "Nom", "Organisation", "Pays", "Arrivée", "Départ"),
      "de", new RecapWords("de", "Geplant", "Begonnen", "Beendet", "Ablauf", "Phase", "Geplant (Min.)",
          "Tatsächlich (Min.)", "Abstimmungen", "Abstimmung {n}", "(anonym)", "Rang", "Element", "Punkte",
          "{n} Stimmzettel, Kettenkopf", "{n} Stimmzettel, Kettenkopf", "Offene Kommentare", "zu {label}",
          "Anwesenheit", "Name", "Organisation", "Land", "Beigetreten", "Gegangen"),
      "es", new RecapWords("es", "Programada", "Iniciada", "Terminada", "Agenda", "Fase", "Previsto (min)",
          "Real (min)", "Votaciones", "Votación {n}", "(anónima)", "Puesto", "Elemento", "Puntos",
          "{n} papeleta, cabeza de la cadena", "{n} papeletas, cabeza de la cadena", "Comentarios abiertos",
          "sobre {label}", "Asistencia", "Nombre", "Organización", "País", "Entrada", "Salida"),
      "pt", new RecapWords("pt", "Agendada", "Iniciada", "Terminada", "Agenda", "Fase", "Previsto (min)",
          "Real (min)", "Votações", "Votação {n}", "(anónima)", "Posição", "Elemento", "Pontos",
          "{n} boletim, cabeça da cadeia", "{n} boletins, cabeça da cadeia", "Comentários em aberto",
          "sobre {label}", "Presenças", "Nome", "Organização", "País", "Entrada", "Saída"),
      "et", new RecapWords("et", "Kavandatud", "Algas", "Lõppes", "Päevakord", "Etapp", "Plaanitud (min)",
          "Tegelik (min)", "Hääletused", "Hääletus {n}", "(anonüümne)", "Koht", "Element", "Punktid",
          "{n} hääletussedel, ahela pea", "{n} hääletussedelit, ahela pea", "Avatud kommentaarid", "{label} kohta",
          "Osalejad", "Nimi", "Organisatsioon", "Riik", "Liitus", "Lahkus"));

  /** The words in {@code lang} (English when null or not an account language). */
  static RecapWords in(String lang) {
    return WORDS.getOrDefault(lang == null ? AccountService.DEFAULT_LANGUAGE : lang,
        WORDS.get(AccountService.DEFAULT_LANGUAGE));
  }

  /** "Vote 2". */
  String vote(int number) {
    return vote.replace("{n}", Integer.toString(number));
  }

  /** "3 ballots, chain head" with the language's plural form (French: singular for 0 and 1). */
  String ballots(int count) {
    boolean one = count == 1 || (lang.equals("fr") && count == 0);
    return (one ? ballotsOne : ballotsOther).replace("{n}", Integer.toString(count));
  }

  /** "on <label>", {@code label} already escaped. */
  String on(String label) {
    return onLabel.replace("{label}", label);
  }
}
