import { test } from 'node:test';
import assert from 'node:assert/strict';

const {
  displayFor, indexTranslations, labelFor, hasPending, withHuman, sameLanguage, translatedProp, languageName,
  rememberedReaderLanguage, rememberReaderLanguage, TranslationsClient, translationApi, TranslationError, commentTexts, commentText,
  REFRESH_DEBOUNCE_MS, PENDING_RETRY_MS, READER_LANGUAGE_KEY,
} = await import('../../main/resources/webroot/js/translations.js');

const note = { id: 'n1', type: 'note', text: 'Olá mundo', lang: 'pt' };
const frame = { id: 'f1', type: 'frame', title: 'Plano de ação', lang: 'pt' };
const machine = { record: 'n1', prop: 'text', lang: 'fr', text: 'Bonjour le monde', source: 'machine',
  engine: 'LibreTranslate', from: 'pt', stale: false };
const human = { record: 'n1', prop: 'text', lang: 'fr', text: 'Salut tout le monde', source: 'human',
  by: { id: 'u2', name: 'Claire' }, stale: false };
const view = (...records) => new Map(records.map((r) => [r.id, r]));
const reader = (lang, showOriginal = new Set()) => ({ lang, showOriginal });

test('[W17] the translated prop: text for notes, texts and shapes, title for frames, none for others', () => {
  assert.equal(translatedProp(note), 'text');
  assert.equal(translatedProp({ type: 'text' }), 'text');
  assert.equal(translatedProp({ type: 'shape' }), 'text');
  assert.equal(translatedProp(frame), 'title');
  assert.equal(translatedProp({ type: 'connector' }), null);
  assert.equal(translatedProp({ type: 'comment' }), null, 'the old comment records are not translated');
  assert.equal(translatedProp({ type: 'thread-comment' }), 'body');
  assert.equal(translatedProp(null), null);
});

test('[W17] without a display language, or with nothing translated, the original is shown', () => {
  const index = indexTranslations([machine], view(note));
  assert.equal(displayFor(note, index, reader(null)), null);
  assert.equal(displayFor(note, new Map(), reader('fr')), null);
  assert.equal(displayFor({ ...note, id: 'other' }, index, reader('fr')), null);
  assert.equal(displayFor({ id: 'c', type: 'connector', text: 'x' }, index, reader('fr')), null);
});

test('[W17] a machine translation is shown in place of the original, labelled with its engine', () => {
  const index = indexTranslations([machine], view(note));
  const shown = displayFor(note, index, reader('fr'));
  assert.equal(shown.text, 'Bonjour le monde');
  assert.equal(shown.source, 'machine');
  assert.equal(shown.lang, 'fr');
  assert.equal(shown.original, false);
  assert.deepEqual(labelFor(shown), { key: 'translation.machine', params: { engine: 'LibreTranslate' } });
  assert.equal(note.text, 'Olá mundo', 'the record itself never changes');
});

test('[W17] a machine translation without an engine of its own takes the answer\'s, else none', () => {
  const index = indexTranslations([{ ...machine, engine: undefined }], view(note));
  const shown = displayFor(note, index, reader('fr'));
  assert.deepEqual(labelFor(shown, 'DeepL'), { key: 'translation.machine', params: { engine: 'DeepL' } });
  assert.deepEqual(labelFor(shown), { key: 'translation.machineAnon', params: {} });
});

test('[W17] a current human translation wins over the machine one, labelled with its translator', () => {
  for (const order of [[machine, human], [human, machine]]) {
    const shown = displayFor(note, indexTranslations(order, view(note)), reader('fr'));
    assert.equal(shown.text, 'Salut tout le monde');
    assert.deepEqual(labelFor(shown), { key: 'translation.human', params: { name: 'Claire' } });
  }
  const anonymous = displayFor(note, indexTranslations([{ ...human, by: undefined }], view(note)), reader('fr'));
  assert.deepEqual(labelFor(anonymous), { key: 'translation.humanAnon', params: {} });
});

test('[W17] a stale human translation gives way to the machine one of the current text, else is shown as outdated', () => {
  const stale = { ...human, stale: true };
  const withMachine = displayFor(note, indexTranslations([stale, machine], view(note)), reader('fr'));
  assert.equal(withMachine.text, 'Bonjour le monde');
  assert.equal(withMachine.stale, false);
  const alone = displayFor(note, indexTranslations([stale], view(note)), reader('fr'));
  assert.equal(alone.text, 'Salut tout le monde');
  assert.equal(alone.stale, true);
  assert.deepEqual(labelFor(alone), { key: 'translation.stale', params: {} });
  const pendingMachine = { record: 'n1', prop: 'text', lang: 'fr', source: 'machine', pending: true, stale: false };
  const whilePending = displayFor(note, indexTranslations([stale, pendingMachine], view(note)), reader('fr'));
  assert.equal(whilePending.text, 'Salut tout le monde', 'the outdated one while the machine one is on its way');
});

test('[W17] a pending machine translation shows the original text with a "translating" label', () => {
  const pending = { record: 'n1', prop: 'text', lang: 'fr', source: 'machine', engine: 'LibreTranslate', pending: true, stale: false };
  const answer = [pending];
  assert.equal(hasPending(answer), true);
  assert.equal(hasPending([machine]), false);
  assert.equal(hasPending(undefined), false);
  const shown = displayFor(note, indexTranslations(answer, view(note)), reader('fr'));
  assert.equal(shown.pending, true);
  assert.equal(shown.text, null);
  assert.deepEqual(labelFor(shown), { key: 'translation.pending', params: {} });
});

test('[W17] "show original" gives that record its original back, naming its language, and nothing else', () => {
  const other = { ...note, id: 'n2' };
  const index = indexTranslations([machine, { ...machine, record: 'n2' }], view(note, other));
  const shown = displayFor(note, index, reader('fr', new Set(['n1'])));
  assert.equal(shown.text, 'Olá mundo');
  assert.equal(shown.original, true);
  assert.equal(shown.lang, 'pt');
  const label = labelFor(shown);
  assert.equal(label.key, 'translation.originalIn');
  assert.match(label.params.language, /^portugu/i);
  assert.equal(displayFor(other, index, reader('fr', new Set(['n1']))).text, 'Bonjour le monde');
  const unknownFrom = labelFor({ ...shown, from: undefined });
  assert.deepEqual(unknownFrom, { key: 'translation.original', params: {} });
});

test('[W17][N2] comments are read as records of their own type: not removed ones, with their language', () => {
  const threads = [
    { id: 't1', comments: [{ id: 'm1', body: 'Porquê?', lang: 'pt' }, { id: 'm2', removed: { by: {}, at: 1 } },
      { id: 'm3', body: 'Why?' }] },
    { id: 't2', comments: [] },
  ];
  const texts = commentTexts(threads);
  assert.deepEqual([...texts.keys()], ['m1', 'm3']);
  assert.deepEqual(texts.get('m1'), { id: 'm1', type: 'thread-comment', body: 'Porquê?', lang: 'pt' });
  assert.equal(texts.get('m3').lang, undefined);
  assert.equal(commentTexts(null).size, 0);
  assert.deepEqual(commentText(threads[0].comments[0]), texts.get('m1'));
  assert.equal(commentText(threads[0].comments[1]), null, 'a removed comment');
  const fr = { record: 'm1', prop: 'body', lang: 'fr', text: 'Pourquoi ?', source: 'machine', engine: 'E', from: 'pt', stale: false };
  const index = indexTranslations([fr], texts);
  const shown = displayFor(texts.get('m1'), index, reader('fr'));
  assert.equal(shown.text, 'Pourquoi ?');
  assert.equal(shown.prop, 'body');
  assert.equal(displayFor(texts.get('m1'), index, reader('fr', new Set(['m1']))).text, 'Porquê?', 'the original on demand');
  assert.equal(displayFor({ ...texts.get('m1'), body: 'Porquê agora?' }, index, reader('fr')), null,
    'edited since: the original until fetched again');
});

test('[W17] frames are shown with their translated title', () => {
  const title = { record: 'f1', prop: 'title', lang: 'fr', text: "Plan d'action", source: 'machine', engine: 'E', stale: false };
  const shown = displayFor(frame, indexTranslations([title], view(frame)), reader('fr'));
  assert.equal(shown.text, "Plan d'action");
  assert.equal(shown.prop, 'title');
});

test('[W17] a record already in the reader\'s language, or without text, keeps its original', () => {
  const index = indexTranslations([machine], view(note));
  assert.equal(displayFor({ ...note, lang: 'fr' }, index, reader('fr')), null);
  assert.equal(displayFor({ ...note, lang: 'fr-CA' }, index, reader('fr')), null);
  assert.equal(displayFor({ ...note, text: '  ' }, index, reader('fr')), null);
  assert.equal(sameLanguage('pt-BR', 'pt'), true);
  assert.equal(sameLanguage('pt', 'fr'), false);
  assert.equal(sameLanguage(undefined, 'fr'), false);
});

test('[W17] a text edited since the translations were fetched shows its original until they are fetched again', () => {
  const index = indexTranslations([machine], view(note));
  assert.equal(displayFor({ ...note, text: 'Olá mundo!' }, index, reader('fr')), null);
  // fetched without the record in view: no version known, the translation is shown
  assert.equal(displayFor(note, indexTranslations([machine]), reader('fr')).text, 'Bonjour le monde');
});

test('[W17] a human translation just written replaces the machine one at once (a new index)', () => {
  const index = indexTranslations([machine], view(note));
  const next = withHuman(index, { ...human, text: 'Bonjour à tous' }, note);
  assert.notEqual(next, index);
  assert.equal(displayFor(note, index, reader('fr')).text, 'Bonjour le monde');
  const shown = displayFor(note, next, reader('fr'));
  assert.equal(shown.text, 'Bonjour à tous');
  assert.equal(shown.source, 'human');
});

test('[W17] languages are named in their own language', () => {
  assert.equal(languageName('fr'), 'Français');
  assert.equal(languageName('pt'), 'Português');
  assert.equal(languageName('de'), 'Deutsch');
});

test('[W17] the display language is remembered, and only a tag-like value is read back', () => {
  const store = new Map();
  const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k) };
  assert.equal(rememberedReaderLanguage(storage), null);
  rememberReaderLanguage('fr', storage);
  assert.equal(store.get(READER_LANGUAGE_KEY), 'fr');
  assert.equal(rememberedReaderLanguage(storage), 'fr');
  rememberReaderLanguage(null, storage);
  assert.equal(rememberedReaderLanguage(storage), null);
  store.set(READER_LANGUAGE_KEY, '<script>');
  assert.equal(rememberedReaderLanguage(storage), null);
  assert.equal(rememberedReaderLanguage({ getItem() { throw new Error('private'); } }), null);
});

test('[W17] the REST calls: the board\'s token, encoded paths, errors by status and code', async () => {
  const calls = [];
  const answers = [];
  const fetch = async (path, init) => {
    calls.push({ path, init });
    return answers.shift();
  };
  const api = translationApi({ board: 'b 1', token: () => 'tok', fetch });
  answers.push({ ok: true, json: async () => ({ lang: 'fr', engine: 'E', translations: [] }) });
  assert.deepEqual(await api.list('pt-BR'), { lang: 'fr', engine: 'E', translations: [] });
  assert.equal(calls[0].path, '/api/boards/b%201/translations?lang=pt-BR');
  assert.equal(calls[0].init.method, 'GET');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok');
  answers.push({ ok: true, json: async () => human });
  await api.put('n/1', 'text', 'fr', 'Salut');
  assert.equal(calls[1].path, '/api/boards/b%201/translations/n%2F1/text/fr');
  assert.equal(calls[1].init.method, 'PUT');
  assert.deepEqual(JSON.parse(calls[1].init.body), { text: 'Salut' });
  answers.push({ ok: false, status: 400, json: async () => ({ code: 'ERR_INVALID', message: 'bad tag' }) });
  await assert.rejects(api.list('pt_BR'), (e) => e instanceof TranslationError && e.status === 400 && e.code === 'ERR_INVALID');
  const offline = translationApi({ board: 'b', token: () => null, fetch: async () => { throw new TypeError('offline'); } });
  await assert.rejects(offline.list('fr'), (e) => e.code === 'ERR_NETWORK' && e.status === 0);
});

function fakeTimers() {
  const timers = new Map();
  let next = 1;
  return {
    timers,
    setTimeout(fn, ms) {
      const id = next++;
      timers.set(id, { fn, ms });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    run() {
      const due = [...timers.entries()];
      timers.clear();
      for (const [, { fn }] of due) fn();
      return due.map(([, { ms }]) => ms);
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('[W17] the client fetches when a language is chosen, again while some are pending, and debounced after changes', async () => {
  const timers = fakeTimers();
  const asked = [];
  const answers = [
    { lang: 'fr', engine: 'LibreTranslate', translations: [{ ...machine, text: undefined, pending: true }] },
    { lang: 'fr', engine: 'LibreTranslate', translations: [machine] },
    { lang: 'fr', engine: 'LibreTranslate', translations: [human] },
  ];
  const api = { list: async (lang) => { asked.push(lang); return answers.shift(); } };
  const client = new TranslationsClient({ api, view: () => view(note), timers });
  const events = [];
  client.onChange((kind) => events.push(kind));
  await client.setLanguage('fr');
  assert.deepEqual(asked, ['fr']);
  assert.equal(client.pending, true);
  assert.equal(client.displayFor(note, new Set()).pending, true);
  assert.deepEqual([...timers.timers.values()].map((x) => x.ms), [PENDING_RETRY_MS], 'asks again while pending');
  timers.run();
  await settle();
  assert.equal(client.displayFor(note, new Set()).text, 'Bonjour le monde');
  assert.equal(client.engine, 'LibreTranslate');
  assert.equal(timers.timers.size, 0, 'nothing pending: no more asking');
  client.boardChanged();
  client.boardChanged();
  client.boardChanged();
  assert.deepEqual([...timers.timers.values()].map((x) => x.ms), [REFRESH_DEBOUNCE_MS], 'one fetch for a burst of changes');
  timers.run();
  await settle();
  assert.deepEqual(asked, ['fr', 'fr', 'fr']);
  assert.equal(client.displayFor(note, new Set()).source, 'human');
  assert.ok(events.filter((e) => e === 'update').length >= 4);
});

test('[W17] the client: originals ask for nothing; an answer for an older choice is dropped; errors are reported', async () => {
  const timers = fakeTimers();
  let release;
  const api = {
    list: (lang) => (lang === 'de' ? new Promise((resolve) => { release = resolve; }) : Promise.reject(new TranslationError(403, 'ERR_FORBIDDEN'))),
  };
  const client = new TranslationsClient({ api, view: () => view(note), timers });
  const errors = [];
  client.onChange((kind, error) => kind === 'error' && errors.push(error.code));
  await client.setLanguage(null);
  client.boardChanged();
  assert.equal(timers.timers.size, 0, 'no display language: no fetches');
  const slow = client.setLanguage('de');
  await client.setLanguage(null);
  release({ lang: 'de', engine: 'E', translations: [{ ...machine, lang: 'de', text: 'Hallo Welt' }] });
  await slow;
  assert.equal(client.displayFor(note, new Set()), null, 'the late German answer is not shown');
  await client.setLanguage('fr');
  assert.deepEqual(errors, ['ERR_FORBIDDEN']);
});

test('[W17] the client stores a human translation and shows it at once', async () => {
  const puts = [];
  const api = {
    list: async () => ({ lang: 'fr', engine: 'E', translations: [machine] }),
    put: async (record, prop, lang, text) => { puts.push([record, prop, lang, text]); return { ...human, text }; },
  };
  const client = new TranslationsClient({ api, view: () => view(note), timers: fakeTimers() });
  await client.setLanguage('fr');
  await client.saveHuman(note, 'Bonjour à tous');
  assert.deepEqual(puts, [['n1', 'text', 'fr', 'Bonjour à tous']]);
  assert.equal(client.displayFor(note, new Set()).text, 'Bonjour à tous');
  await client.saveHuman(frame, 'Plan').catch(() => {});
  assert.deepEqual(puts[1].slice(0, 3), ['f1', 'title', 'fr']);
});
