package org.crossboard.translation;

/**
 * What a {@link Translator} answered.
 *
 * @param text the translated text
 * @param detectedLanguage the source language the engine detected when asked with {@code auto}, else null
 * @param confidence the engine's confidence in {@code detectedLanguage} (0–100), or null
 */
public record Translation(String text, String detectedLanguage, Double confidence) {}
