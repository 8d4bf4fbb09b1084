/**
 * Notes in several languages (SPEC N, docs/API.md "Translations"): which
 * text a reader sees for a record given the board's translations and their
 * chosen display language, the label that goes with it, the REST calls, and
 * TranslationsClient, which keeps one language's translations fresh
 * (again when the board changes, debounced, and while some are pending).
 * Pure logic apart from the client's fetch and timers, which can be
 * injected; translation-view.js draws it.
 * @module translations
 */

/**
 * The prop translated per record type (notes, texts and shapes: text; frames:
 * title) and of thread comments (body), which are read here as records of
 * type 'thread-comment' (see commentTexts; the board's old 'comment' records
 * are not translated).
 */
export const COMMENT_TYPE = 'thread-comment';
export const TRANSLATED_PROP = { note: 'text', text: 'text', shape: 'text', frame: 'title', [COMMENT_TYPE]: 'body' };

/** Display languages and record languages offered, as canonical BCP 47 tags. */
export const LANGUAGE_CHOICES = ['en', 'fr', 'de', 'es', 'pt', 'et', 'fi', 'lv', 'lt', 'pl', 'it', 'nl', 'sv'];

/** What the display language is remembered under (one choice per browser, all boards). */
export const READER_LANGUAGE_KEY = 'crossboard.readLang';

/** How long the board must be quiet before translations are fetched again (ms). */
export const REFRESH_DEBOUNCE_MS = 800;
/** How soon pending machine translations are asked for again (ms). */
export const PENDING_RETRY_MS = 2000;

/**
 * The translated prop of a record, or null when its type carries no translatable text.
 * @param {object} record
 * @returns {'text'|'title'|null}
 */
export function translatedProp(record) {
  return (record && TRANSLATED_PROP[record.type]) || null;
}

/**
 * Comments as the translations read them: a record of type COMMENT_TYPE per
 * comment that is not removed, keyed by the comment's id (the server
 * translates a comment's body under that id, prop 'body').
 * @param {Iterable<{comments?: object[]}>} threads
 * @returns {Map<string, {id: string, type: string, body: string, lang?: string}>}
 */
export function commentTexts(threads) {
  const texts = new Map();
  for (const thread of threads || []) {
    for (const comment of thread?.comments || []) {
      const text = commentText(comment);
      if (text) texts.set(text.id, text);
    }
  }
  return texts;
}

/**
 * One comment as the translations read it (see commentTexts), or null when
 * it is removed.
 * @param {object} comment
 */
export function commentText(comment) {
  if (!comment?.id || comment.removed || typeof comment.body !== 'string') return null;
  return { id: comment.id, type: COMMENT_TYPE, body: comment.body, lang: comment.lang || undefined };
}

/**
 * A language's name in that language itself ("Français", "Português"), else the tag.
 * @param {string} tag BCP 47
 * @returns {string}
 */
export function languageName(tag) {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    if (name && name !== tag) return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch { /* unknown to this browser */ }
  return tag;
}

/**
 * Whether a record written in `tag` is already in the reader's language
 * (`pt-BR` is read as `pt`): then it is never translated.
 * @param {string|undefined} tag
 * @param {string} lang
 */
export function sameLanguage(tag, lang) {
  if (!tag || !lang) return false;
  const base = (t) => t.toLowerCase().split('-')[0];
  return tag.toLowerCase() === lang.toLowerCase() || base(tag) === base(lang);
}

const keyOf = (record, prop) => `${record}\u0000${prop}`;

/**
 * Groups a GET …/translations answer per record and prop, each group
 * remembering the original text it was fetched for (so an edit since then
 * shows the original until translations are fetched again).
 * @param {Array<object>} translations the answer's list
 * @param {Map<string, object>} [view] the records when fetched (id -> record)
 * @returns {Map<string, {human: object|null, stale: object|null, machine: object|null, basedOn: string|undefined}>}
 */
export function indexTranslations(translations, view = new Map()) {
  const index = new Map();
  for (const tr of translations || []) {
    if (!tr || !tr.record || !tr.prop) continue;
    const key = keyOf(tr.record, tr.prop);
    let entry = index.get(key);
    if (!entry) {
      const record = view.get(tr.record);
      entry = { human: null, stale: null, machine: null, basedOn: record ? record[tr.prop] ?? undefined : undefined };
      index.set(key, entry);
    }
    if (tr.source === 'human') entry[tr.stale ? 'stale' : 'human'] = tr;
    else entry.machine = tr;
  }
  return index;
}

/**
 * Puts a human translation just written (the PUT's answer) into an index:
 * it wins over the machine one at once.
 * @param {Map} index from indexTranslations
 * @param {object} translation
 * @param {object} [record] the record it translates (its text now)
 */
export function withHuman(index, translation, record) {
  const key = keyOf(translation.record, translation.prop);
  const entry = index.get(key) || { human: null, stale: null, machine: null, basedOn: undefined };
  const next = new Map(index);
  next.set(key, { ...entry, human: { ...translation, stale: false }, stale: null,
    basedOn: record ? record[translation.prop] ?? undefined : entry.basedOn });
  return next;
}

/**
 * What a reader sees for a record: null for its original (no display
 * language, a record in that language or without text, nothing translated,
 * edited since the translations were fetched), else the translation shown
 * in its place — a current human one, else the machine one, else an
 * outdated human one — or, while the machine one is on its way, a pending
 * marker without text. `original: true` when the reader asked for the
 * original of this record: the text is then the original's, and the label
 * still offers the translation back.
 * @param {object} record
 * @param {Map} index from indexTranslations
 * @param {{lang: string|null, showOriginal?: Set<string>}} reader
 * @returns {null|{prop: string, text: string|null, source: 'human'|'machine'|null, engine?: string,
 *   by?: object, stale: boolean, pending: boolean, original: boolean, lang: string, from?: string}}
 */
export function displayFor(record, index, { lang, showOriginal = new Set() }) {
  const prop = translatedProp(record);
  if (!lang || !prop || !index) return null;
  const text = record[prop];
  if (typeof text !== 'string' || !text.trim() || sameLanguage(record.lang, lang)) return null;
  const entry = index.get(keyOf(record.id, prop));
  if (!entry) return null;
  if (entry.basedOn !== undefined && entry.basedOn !== text) return null;
  const shown = entry.human || (entry.machine?.text ? entry.machine : null) || entry.stale;
  const original = showOriginal.has(record.id);
  if (!shown) {
    if (!entry.machine?.pending) return null;
    return { prop, text: null, source: null, stale: false, pending: true, original, lang, from: record.lang };
  }
  return {
    prop,
    text: original ? text : shown.text,
    source: shown.source === 'human' ? 'human' : 'machine',
    engine: shown.engine,
    by: shown.by,
    stale: !!shown.stale,
    pending: false,
    original,
    lang: original ? record.lang || shown.from || '' : lang,
    from: shown.from || record.lang,
  };
}

/**
 * The label of what is shown, as an i18n key and its params.
 * @param {ReturnType<typeof displayFor>} display not null
 * @param {string} [fallbackEngine] the answer's engine, when a translation names none
 * @returns {{key: string, params: object}}
 */
export function labelFor(display, fallbackEngine = '') {
  if (display.pending) return { key: 'translation.pending', params: {} };
  if (display.original) {
    const from = display.from ? languageName(display.from) : '';
    return from ? { key: 'translation.originalIn', params: { language: from } } : { key: 'translation.original', params: {} };
  }
  if (display.stale) return { key: 'translation.stale', params: {} };
  if (display.source === 'human') {
    return display.by?.name ? { key: 'translation.human', params: { name: display.by.name } } : { key: 'translation.humanAnon', params: {} };
  }
  const engine = display.engine || fallbackEngine;
  return engine ? { key: 'translation.machine', params: { engine } } : { key: 'translation.machineAnon', params: {} };
}

/**
 * Whether any translation in an answer is still on its way.
 * @param {Array<object>} translations
 */
export function hasPending(translations) {
  return (translations || []).some((tr) => tr?.pending);
}

/**
 * The display language remembered, or null (the originals).
 * @param {{getItem: Function}} [storage]
 * @returns {string|null}
 */
export function rememberedReaderLanguage(storage = globalThis.localStorage) {
  try {
    const value = storage?.getItem(READER_LANGUAGE_KEY);
    return value && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Remembers the display language (null: the originals).
 * @param {string|null} lang
 * @param {{setItem: Function, removeItem: Function}} [storage]
 */
export function rememberReaderLanguage(lang, storage = globalThis.localStorage) {
  try {
    if (lang) storage?.setItem(READER_LANGUAGE_KEY, lang);
    else storage?.removeItem(READER_LANGUAGE_KEY);
  } catch { /* private mode */ }
}

/** An error answer (like api.js's ApiError): status and code, never shown as text. */
export class TranslationError extends Error {
  constructor(status, code, message = '') {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

/**
 * The REST calls, with the board's token (an account's or a guest's).
 * @param {{board: string, token: () => string|null, fetch?: Function}} options
 */
export function translationApi({ board, token, fetch: fetchFn = (...args) => globalThis.fetch(...args) }) {
  const call = async (method, path, body) => {
    const headers = {};
    const bearer = token();
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetchFn(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new TranslationError(0, 'ERR_NETWORK');
    }
    if (!response.ok) {
      let code = '';
      try { code = (await response.json()).code || ''; } catch { /* not JSON */ }
      throw new TranslationError(response.status, code);
    }
    return response.json();
  };
  const seg = encodeURIComponent;
  return {
    /** @returns {Promise<{lang: string, engine: string|null, translations: Array<object>}>} */
    list: (lang) => call('GET', `/api/boards/${seg(board)}/translations?lang=${seg(lang)}`),
    /** @returns {Promise<object>} the stored human translation */
    put: (record, prop, lang, text) => call('PUT',
      `/api/boards/${seg(board)}/translations/${seg(record)}/${seg(prop)}/${seg(lang)}`, { text }),
  };
}

/**
 * One display language's translations of a board, kept fresh: fetched when
 * the language is chosen, again REFRESH_DEBOUNCE_MS after the board last
 * changed, and every PENDING_RETRY_MS while some are pending. Listeners get
 * ('update') after each answer and ('error', error) when a fetch failed.
 */
export class TranslationsClient {
  /**
   * @param {object} options
   * @param {ReturnType<typeof translationApi>} options.api
   * @param {() => Map<string, object>} options.view the records now
   * @param {{setTimeout: Function, clearTimeout: Function}} [options.timers]
   */
  constructor({ api, view, timers = globalThis }) {
    this.api = api;
    this.view = view;
    this.timers = timers;
    this.lang = null;
    this.engine = null;
    this.index = new Map();
    this.pending = false;
    this.timer = null;
    this.generation = 0;
    this.listeners = new Set();
  }

  /** @param {(kind: 'update'|'error', detail?: object) => void} fn */
  onChange(fn) {
    this.listeners.add(fn);
  }

  emit(kind, detail) {
    for (const fn of this.listeners) fn(kind, detail);
  }

  /**
   * Chooses the display language (null: originals) and fetches at once.
   * @param {string|null} lang
   * @returns {Promise<void>}
   */
  setLanguage(lang) {
    this.lang = lang || null;
    this.index = new Map();
    this.engine = null;
    this.pending = false;
    this.generation += 1;
    this.cancelTimer();
    this.emit('update');
    return this.lang ? this.refresh() : Promise.resolve();
  }

  cancelTimer() {
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** The board changed: fetch again once it has been quiet for a moment. */
  boardChanged() {
    if (!this.lang) return;
    this.cancelTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, REFRESH_DEBOUNCE_MS);
  }

  /** Fetches the current language's translations now. */
  async refresh() {
    const { lang } = this;
    if (!lang) return;
    const generation = ++this.generation;
    const view = new Map(this.view());
    let answer;
    try {
      answer = await this.api.list(lang);
    } catch (error) {
      if (generation === this.generation) this.emit('error', error);
      return;
    }
    if (generation !== this.generation) return; // a newer fetch or language since
    this.engine = answer?.engine ?? null;
    this.index = indexTranslations(answer?.translations, view);
    this.pending = hasPending(answer?.translations);
    this.emit('update');
    if (this.pending && !this.timer) {
      this.timer = this.timers.setTimeout(() => {
        this.timer = null;
        this.refresh();
      }, PENDING_RETRY_MS);
    }
  }

  /**
   * Writes a human translation of a record's current text in the display language.
   * @param {object} record
   * @param {string} text
   * @returns {Promise<object>} the stored translation
   */
  async saveHuman(record, text) {
    const prop = translatedProp(record);
    const stored = await this.api.put(record.id, prop, this.lang, text);
    this.index = withHuman(this.index, stored, record);
    this.emit('update');
    return stored;
  }

  /**
   * What the reader sees for a record (see displayFor).
   * @param {object} record
   * @param {Set<string>} showOriginal
   */
  displayFor(record, showOriginal) {
    return displayFor(record, this.index, { lang: this.lang, showOriginal });
  }

  /** Stops the timers. */
  close() {
    this.cancelTimer();
    this.generation += 1;
  }
}
