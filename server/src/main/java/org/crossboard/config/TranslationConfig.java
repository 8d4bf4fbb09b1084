package org.crossboard.config;

/**
 * Machine translation of board texts (SPEC.md N3, docs/API.md "Translations").
 *
 * @param url the base URL of a LibreTranslate-compatible service ({@code /translate} is appended);
 *     null: no machine translation (the default)
 * @param apiKey sent as {@code api_key} when set; never logged
 * @param engineName how machine translations are labelled ("machine-translated by …")
 */
public record TranslationConfig(String url, String apiKey, String engineName) {
  public boolean enabled() {
    return url != null && !url.isBlank();
  }

  @Override
  public String toString() {
    // the key is a secret, and the URL is shown only as whether there is one
    return "TranslationConfig[enabled=" + enabled() + ", engineName=" + engineName + ", apiKey="
        + (apiKey == null || apiKey.isBlank() ? "none" : "set") + "]";
  }
}
