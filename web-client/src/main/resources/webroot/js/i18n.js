/**
 * All user-visible strings, per language: every language has every string
 * (a missing one would fall back to English). Placeholders look like
 * {name}. Strings for accounts, workspaces, roles, invitations and comments
 * live in i18n-accounts.js, the account page's in i18n-settings.js, the
 * board page's in i18n-board.js, live sessions' in i18n-session.js,
 * comment threads' and notifications' in i18n-threads.js, notes in several
 * languages' in i18n-translations.js, what to say about
 * each error code in i18n-errors.js. A counted phrase has a key per plural
 * form (key.one, key.other, …: see tn()).
 * @module i18n
 */

import { ACCOUNT_STRINGS } from './i18n-accounts.js';
import { SETTINGS_STRINGS } from './i18n-settings.js';
import { BOARD_STRINGS } from './i18n-board.js';
import { SESSION_STRINGS } from './i18n-session.js';
import { THREAD_STRINGS } from './i18n-threads.js';
import { TRANSLATION_STRINGS } from './i18n-translations.js';
import { ERROR_STRINGS, errorKey } from './i18n-errors.js';
import { A11Y_STRINGS } from './i18n-a11y.js';

const STRINGS = {
  en: {
    appName: 'Crossboard',
    newBoardLabel: 'New board title',
    newBoardPlaceholder: 'e.g. Cross-border data exchange',
    createBoard: 'Create board',
    openBoard: 'Open {title}',
    deleteBoard: 'Delete {title}',
    deleteBoardTitle: 'Delete this board?',
    deleteBoardConfirm: '“{title}” will be deleted for everyone. This cannot be undone.',
    noBoards: 'No boards yet. Create the first one above.',
    loadFailed: 'Could not load the boards. Is the server running?',
    createFailed: 'Could not create the board: {message}',
    deleteFailed: 'Could not delete the board: {message}',
    createdOn: 'Created {date}',
    cancel: 'Cancel',
    delete: 'Delete',
    save: 'Save',
    reload: 'Reload',
    nameLabel: 'Display name',
    namePlaceholder: 'e.g. Ana (Estonia)',
    language: 'Language',
    boardTitleLabel: 'Board title',
    canvasLabel: 'Board canvas. Pick a tool, then click to add. Tab moves between items.',
    toolsLabel: 'Tools',
    toolSelect: 'Select (V)',
    toolHand: 'Pan (H or hold Space)',
    toolNote: 'Sticky note (N)',
    toolText: 'Text (T)',
    toolShape: 'Shape (S)',
    toolFrame: 'Frame (F)',
    toolConnector: 'Connector (C)',
    shapeKinds: 'Shape kind',
    shapeRectangle: 'Rectangle',
    shapeEllipse: 'Ellipse',
    shapeDiamond: 'Diamond',
    undo: 'Undo (Ctrl+Z)',
    redo: 'Redo (Ctrl+Shift+Z)',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomFit: 'Zoom to fit',
    zoomReset: 'Reset zoom to 100%',
    zoomGroup: 'Zoom',
    selectionTools: 'Selection',
    colorSwatch: 'Colour {name}',
    deleteSelection: 'Delete selection (Delete)',
    bringToFront: 'Bring to front',
    lock: 'Lock (no moving or editing)',
    editText: 'Edit text (Enter)',
    fontBigger: 'Larger text',
    fontSmaller: 'Smaller text',
    statusConnecting: 'Connecting…',
    statusConnected: 'Connected',
    statusReconnecting: 'Reconnecting…',
    statusOffline: 'Offline',
    statusSaving: 'Saving…',
    'pending.one': '{n} change pending',
    'pending.other': '{n} changes pending',
    unsavedChanges: 'Some changes are not saved on the server yet. They are kept on this device and sent the next time you open this board.',
    restoredPending: 'Sending the changes left from your last visit ({n}).',
    closeProtocol: 'The server did not understand this client. Reload the page.',
    closeReplaced: 'This board was opened again with the same session elsewhere. This tab stopped syncing.',
    closeBoardDeleted: 'This board was deleted.',
    closeUnauthorized: 'Please sign in again.',
    closeForbidden: 'You are not allowed to open this board.',
    closeBoardNotFound: 'This board does not exist (any more).',
    closeClientTooOld: 'Crossboard was updated. Reload the page.',
    changeRefused: 'A change was not saved: {message}',
    typeNote: 'Sticky note',
    typeText: 'Text',
    typeShape: 'Shape',
    typeFrame: 'Frame',
    typeConnector: 'Connector',
    recordLabel: '{type}: {text}',
    emptyText: 'empty',
    defaultText: 'Text',
    defaultFrameTitle: 'Frame',
    editorLabel: 'Edit text. Escape or Ctrl+Enter to finish.',
    connectorLabelPlaceholder: 'Label',
    readOnly: 'View only: you cannot edit this board.',
    'color.yellow': 'yellow', 'color.orange': 'orange', 'color.pink': 'pink', 'color.violet': 'violet',
    'color.blue': 'blue', 'color.teal': 'teal', 'color.green': 'green', 'color.grey': 'grey',
    'color.black': 'black', 'color.red': 'red', 'color.darkblue': 'dark blue', 'color.darkgreen': 'dark green',
    'color.purple': 'purple', 'color.brown': 'brown', 'color.slate': 'slate', 'color.white': 'white',
    orgLabel: 'Organisation (optional)',
    orgPlaceholder: 'e.g. RIA',
    countryLabel: 'Country (optional)',
    countryPlaceholder: 'e.g. EE',
    peopleTitle: 'On this board',
    peopleButton: 'Others on this board: {n}. Show the list',
    peopleAlone: 'Only you are here right now.',
    morePeople: '{n} more',
    presenceActive: 'Active',
    presenceIdle: 'Idle',
    presenceAway: 'Away',
    presenceTyping: 'typing…',
    peerTyping: '{name} is typing…',
    follow: 'Follow',
    followName: 'Follow {name}: see what they see',
    following: 'Following',
    stopFollowingName: 'Stop following {name}',
    followingName: 'Following {name}',
    followEnded: '{name} left. You stopped following.',
    stop: 'Stop',
    hideCursors: 'Hide cursors',
  },
  fr: {
    createBoard: 'Créer un tableau', newBoardLabel: 'Titre du nouveau tableau',
    noBoards: 'Aucun tableau. Créez le premier ci-dessus.', deleteBoardTitle: 'Supprimer ce tableau ?',
    cancel: 'Annuler', delete: 'Supprimer', save: 'Enregistrer', reload: 'Recharger',
    nameLabel: 'Nom affiché', toolSelect: 'Sélection (V)', toolNote: 'Note (N)', toolText: 'Texte (T)',
    toolShape: 'Forme (S)', toolFrame: 'Cadre (F)', toolConnector: 'Connecteur (C)', undo: 'Annuler (Ctrl+Z)',
    redo: 'Rétablir (Ctrl+Maj+Z)', zoomIn: 'Zoom avant', zoomOut: 'Zoom arrière', zoomFit: 'Ajuster à l’écran',
    statusConnecting: 'Connexion…', statusConnected: 'Connecté', statusReconnecting: 'Reconnexion…',
    statusOffline: 'Hors ligne', 'pending.one': '{n} modification en attente', 'pending.other': '{n} modifications en attente',
    unsavedChanges: 'Des modifications ne sont pas encore enregistrées sur le serveur. Elles sont gardées sur cet appareil et envoyées à la prochaine ouverture de ce tableau.',
    restoredPending: 'Envoi des modifications laissées lors de votre dernière visite ({n}).',
    closeBoardDeleted: 'Ce tableau a été supprimé.', language: 'Langue',
    orgLabel: 'Organisation (facultatif)', countryLabel: 'Pays (facultatif)', countryPlaceholder: 'p. ex. FR',
    peopleTitle: 'Sur ce tableau', peopleButton: '{n} autres personnes sur ce tableau. Afficher la liste',
    peopleAlone: 'Vous êtes seul·e ici pour l’instant.', morePeople: '{n} de plus',
    presenceActive: 'Actif', presenceIdle: 'Inactif', presenceAway: 'Absent', presenceTyping: 'écrit…',
    peerTyping: '{name} écrit…', follow: 'Suivre', followName: 'Suivre {name} : voir ce qu’il ou elle voit',
    following: 'Suivi', stopFollowingName: 'Arrêter de suivre {name}', followingName: 'Vous suivez {name}',
    followEnded: '{name} est parti·e. Suivi arrêté.', stop: 'Arrêter', hideCursors: 'Masquer les curseurs',
    namePlaceholder: 'p. ex. Ana (Estonie)', orgPlaceholder: 'p. ex. RIA', readOnly: 'Lecture seule : vous ne pouvez pas modifier ce tableau.',
    newBoardPlaceholder: 'p. ex. Échange de données transfrontalier',
  },
  de: {
    createBoard: 'Board erstellen', newBoardLabel: 'Titel des neuen Boards',
    noBoards: 'Noch keine Boards. Erstellen Sie oben das erste.', deleteBoardTitle: 'Dieses Board löschen?',
    cancel: 'Abbrechen', delete: 'Löschen', save: 'Speichern', reload: 'Neu laden',
    nameLabel: 'Anzeigename', toolSelect: 'Auswählen (V)', toolNote: 'Haftnotiz (N)', toolText: 'Text (T)',
    toolShape: 'Form (S)', toolFrame: 'Rahmen (F)', toolConnector: 'Verbinder (C)', undo: 'Rückgängig (Strg+Z)',
    redo: 'Wiederholen (Strg+Umschalt+Z)', zoomIn: 'Vergrößern', zoomOut: 'Verkleinern', zoomFit: 'Alles zeigen',
    statusConnecting: 'Verbinde…', statusConnected: 'Verbunden', statusReconnecting: 'Verbinde erneut…',
    statusOffline: 'Offline', 'pending.one': '{n} Änderung ausstehend', 'pending.other': '{n} Änderungen ausstehend',
    unsavedChanges: 'Einige Änderungen sind noch nicht auf dem Server gespeichert. Sie bleiben auf diesem Gerät und werden beim nächsten Öffnen dieses Boards gesendet.',
    restoredPending: 'Änderungen von Ihrem letzten Besuch werden gesendet ({n}).',
    closeBoardDeleted: 'Dieses Board wurde gelöscht.', language: 'Sprache',
    orgLabel: 'Organisation (optional)', countryLabel: 'Land (optional)', countryPlaceholder: 'z. B. DE',
    peopleTitle: 'Auf diesem Board', peopleButton: '{n} weitere Personen auf diesem Board. Liste zeigen',
    peopleAlone: 'Gerade sind nur Sie hier.', morePeople: '{n} weitere',
    presenceActive: 'Aktiv', presenceIdle: 'Inaktiv', presenceAway: 'Abwesend', presenceTyping: 'schreibt…',
    peerTyping: '{name} schreibt…', follow: 'Folgen', followName: '{name} folgen: sehen, was sie/er sieht',
    following: 'Folge ich', stopFollowingName: '{name} nicht mehr folgen', followingName: 'Sie folgen {name}',
    followEnded: '{name} ist gegangen. Folgen beendet.', stop: 'Beenden', hideCursors: 'Cursor ausblenden',
    namePlaceholder: 'z. B. Ana (Estland)', orgPlaceholder: 'z. B. RIA', readOnly: 'Nur lesen: Sie können dieses Board nicht bearbeiten.',
    newBoardPlaceholder: 'z. B. Grenzüberschreitender Datenaustausch',
  },
  es: {
    createBoard: 'Crear tablero', newBoardLabel: 'Título del nuevo tablero',
    noBoards: 'Aún no hay tableros. Crea el primero arriba.', deleteBoardTitle: '¿Eliminar este tablero?',
    cancel: 'Cancelar', delete: 'Eliminar', save: 'Guardar', reload: 'Recargar',
    nameLabel: 'Nombre visible', toolSelect: 'Seleccionar (V)', toolNote: 'Nota (N)', toolText: 'Texto (T)',
    toolShape: 'Forma (S)', toolFrame: 'Marco (F)', toolConnector: 'Conector (C)', undo: 'Deshacer (Ctrl+Z)',
    redo: 'Rehacer (Ctrl+Mayús+Z)', zoomIn: 'Acercar', zoomOut: 'Alejar', zoomFit: 'Ajustar a la vista',
    statusConnecting: 'Conectando…', statusConnected: 'Conectado', statusReconnecting: 'Reconectando…',
    statusOffline: 'Sin conexión', 'pending.one': '{n} cambio pendiente', 'pending.other': '{n} cambios pendientes',
    unsavedChanges: 'Algunos cambios aún no están guardados en el servidor. Se conservan en este dispositivo y se envían la próxima vez que abras este tablero.',
    restoredPending: 'Enviando los cambios de tu última visita ({n}).',
    closeBoardDeleted: 'Este tablero fue eliminado.', language: 'Idioma',
    orgLabel: 'Organización (opcional)', countryLabel: 'País (opcional)', countryPlaceholder: 'p. ej. ES',
    peopleTitle: 'En este tablero', peopleButton: '{n} personas más en este tablero. Mostrar la lista',
    peopleAlone: 'Ahora mismo solo estás tú.', morePeople: '{n} más',
    presenceActive: 'Activo', presenceIdle: 'Inactivo', presenceAway: 'Ausente', presenceTyping: 'escribiendo…',
    peerTyping: '{name} está escribiendo…', follow: 'Seguir', followName: 'Seguir a {name}: ver lo que ve',
    following: 'Siguiendo', stopFollowingName: 'Dejar de seguir a {name}', followingName: 'Siguiendo a {name}',
    followEnded: '{name} se fue. Ya no lo sigues.', stop: 'Detener', hideCursors: 'Ocultar cursores',
    namePlaceholder: 'p. ej. Ana (Estonia)', orgPlaceholder: 'p. ej. RIA', readOnly: 'Solo lectura: no puedes editar este tablero.',
    newBoardPlaceholder: 'p. ej. Intercambio transfronterizo de datos',
  },
  pt: {
    appName: 'Crossboard',
    newBoardLabel: 'Título do novo quadro',
    newBoardPlaceholder: 'p. ex. Intercâmbio transfronteiriço de dados',
    createBoard: 'Criar quadro',
    openBoard: 'Abrir {title}',
    deleteBoard: 'Eliminar {title}',
    deleteBoardTitle: 'Eliminar este quadro?',
    deleteBoardConfirm: '«{title}» será eliminado para todos. Esta ação não pode ser anulada.',
    noBoards: 'Ainda não há quadros. Crie o primeiro acima.',
    loadFailed: 'Não foi possível carregar os quadros. O servidor está a funcionar?',
    createFailed: 'Não foi possível criar o quadro: {message}',
    deleteFailed: 'Não foi possível eliminar o quadro: {message}',
    createdOn: 'Criado em {date}',
    cancel: 'Cancelar',
    delete: 'Eliminar',
    save: 'Guardar',
    reload: 'Recarregar',
    nameLabel: 'Nome a apresentar',
    namePlaceholder: 'p. ex. Ana (Estónia)',
    language: 'Idioma',
    boardTitleLabel: 'Título do quadro',
    canvasLabel: 'Área do quadro. Escolha uma ferramenta e clique para adicionar. A tecla Tab passa de elemento em elemento.',
    toolsLabel: 'Ferramentas',
    toolSelect: 'Selecionar (V)',
    toolHand: 'Deslocar (H ou manter Espaço premido)',
    toolNote: 'Nota adesiva (N)',
    toolText: 'Texto (T)',
    toolShape: 'Forma (S)',
    toolFrame: 'Moldura (F)',
    toolConnector: 'Conector (C)',
    shapeKinds: 'Tipo de forma',
    shapeRectangle: 'Retângulo',
    shapeEllipse: 'Elipse',
    shapeDiamond: 'Losango',
    undo: 'Anular (Ctrl+Z)',
    redo: 'Refazer (Ctrl+Shift+Z)',
    zoomIn: 'Ampliar',
    zoomOut: 'Reduzir',
    zoomFit: 'Ajustar ao ecrã',
    zoomReset: 'Repor zoom a 100%',
    zoomGroup: 'Zoom',
    selectionTools: 'Seleção',
    colorSwatch: 'Cor {name}',
    deleteSelection: 'Eliminar seleção (Delete)',
    bringToFront: 'Trazer para a frente',
    lock: 'Bloquear (sem mover nem editar)',
    editText: 'Editar texto (Enter)',
    fontBigger: 'Texto maior',
    fontSmaller: 'Texto mais pequeno',
    statusConnecting: 'A ligar…',
    statusConnected: 'Ligado',
    statusReconnecting: 'A restabelecer a ligação…',
    statusOffline: 'Sem ligação',
    statusSaving: 'A guardar…',
    'pending.one': '{n} alteração pendente',
    'pending.other': '{n} alterações pendentes',
    unsavedChanges: 'Algumas alterações ainda não estão guardadas no servidor. Ficam neste dispositivo e são enviadas da próxima vez que abrir este quadro.',
    restoredPending: 'A enviar as alterações que ficaram da sua última visita ({n}).',
    closeProtocol: 'O servidor não reconheceu este cliente. Recarregue a página.',
    closeReplaced: 'Este quadro foi aberto noutro local com a mesma sessão. Este separador deixou de sincronizar.',
    closeBoardDeleted: 'Este quadro foi eliminado.',
    closeUnauthorized: 'Inicie sessão novamente.',
    closeForbidden: 'Não tem permissão para abrir este quadro.',
    closeBoardNotFound: 'Este quadro não existe (ou já não existe).',
    closeClientTooOld: 'O Crossboard foi atualizado. Recarregue a página.',
    changeRefused: 'Uma alteração não foi guardada: {message}',
    typeNote: 'Nota adesiva',
    typeText: 'Texto',
    typeShape: 'Forma',
    typeFrame: 'Moldura',
    typeConnector: 'Conector',
    recordLabel: '{type}: {text}',
    emptyText: 'vazio',
    defaultText: 'Texto',
    defaultFrameTitle: 'Moldura',
    editorLabel: 'Editar texto. Escape ou Ctrl+Enter para terminar.',
    connectorLabelPlaceholder: 'Etiqueta',
    readOnly: 'Só de leitura: não pode editar este quadro.',
    'color.yellow': 'amarelo', 'color.orange': 'laranja', 'color.pink': 'cor-de-rosa', 'color.violet': 'violeta',
    'color.blue': 'azul', 'color.teal': 'verde-azulado', 'color.green': 'verde', 'color.grey': 'cinzento',
    'color.black': 'preto', 'color.red': 'vermelho', 'color.darkblue': 'azul-escuro', 'color.darkgreen': 'verde-escuro',
    'color.purple': 'roxo', 'color.brown': 'castanho', 'color.slate': 'ardósia', 'color.white': 'branco',
    orgLabel: 'Organização (opcional)',
    orgPlaceholder: 'p. ex. RIA',
    countryLabel: 'País (opcional)',
    countryPlaceholder: 'p. ex. PT',
    peopleTitle: 'Neste quadro',
    peopleButton: 'Outras pessoas neste quadro: {n}. Mostrar a lista',
    peopleAlone: 'De momento só está cá você.',
    morePeople: 'mais {n}',
    presenceActive: 'Ativo',
    presenceIdle: 'Inativo',
    presenceAway: 'Ausente',
    presenceTyping: 'a escrever…',
    peerTyping: '{name} está a escrever…',
    follow: 'Seguir',
    followName: 'Seguir {name}: ver o que essa pessoa vê',
    following: 'A seguir',
    stopFollowingName: 'Deixar de seguir {name}',
    followingName: 'A seguir {name}',
    followEnded: '{name} saiu. Deixou de seguir.',
    stop: 'Parar',
    hideCursors: 'Ocultar cursores',
  },
  et: {
    createBoard: 'Loo tahvel', newBoardLabel: 'Uue tahvli pealkiri',
    noBoards: 'Tahvleid veel pole. Loo esimene.', deleteBoardTitle: 'Kas kustutada see tahvel?',
    cancel: 'Loobu', delete: 'Kustuta', save: 'Salvesta', reload: 'Laadi uuesti',
    nameLabel: 'Kuvatav nimi', toolSelect: 'Vali (V)', toolNote: 'Märkmepaber (N)', toolText: 'Tekst (T)',
    toolShape: 'Kujund (S)', toolFrame: 'Raam (F)', toolConnector: 'Ühendus (C)', undo: 'Võta tagasi (Ctrl+Z)',
    redo: 'Tee uuesti (Ctrl+Shift+Z)', zoomIn: 'Suurenda', zoomOut: 'Vähenda', zoomFit: 'Mahuta ekraanile',
    statusConnecting: 'Ühendan…', statusConnected: 'Ühendatud', statusReconnecting: 'Ühendan uuesti…',
    statusOffline: 'Võrguühenduseta', 'pending.one': '{n} muudatus ootel', 'pending.other': '{n} muudatust ootel',
    unsavedChanges: 'Mõned muudatused pole veel serverisse salvestatud. Need jäävad sellesse seadmesse ja saadetakse, kui avad selle tahvli uuesti.',
    restoredPending: 'Saadan eelmisel külastusel tegemata jäänud muudatused ({n}).',
    closeBoardDeleted: 'See tahvel kustutati.', language: 'Keel',
    orgLabel: 'Asutus (valikuline)', countryLabel: 'Riik (valikuline)', countryPlaceholder: 'nt EE',
    peopleTitle: 'Sellel tahvlil', peopleButton: 'Tahvlil on veel {n} inimest. Näita nimekirja',
    peopleAlone: 'Praegu oled siin ainult sina.', morePeople: 'veel {n}',
    presenceActive: 'Aktiivne', presenceIdle: 'Jõude', presenceAway: 'Eemal', presenceTyping: 'kirjutab…',
    peerTyping: '{name} kirjutab…', follow: 'Jälgi', followName: 'Jälgi: {name}', following: 'Jälgin',
    stopFollowingName: 'Lõpeta jälgimine: {name}', followingName: 'Jälgid: {name}',
    followEnded: '{name} lahkus. Jälgimine lõppes.', stop: 'Lõpeta', hideCursors: 'Peida kursorid',
    namePlaceholder: 'nt Ana (Eesti)', orgPlaceholder: 'nt RIA', readOnly: 'Ainult vaatamiseks: sa ei saa seda tahvlit muuta.',
    newBoardPlaceholder: 'nt Piiriülene andmevahetus',
  },
};

for (const [code, strings] of Object.entries(ACCOUNT_STRINGS)) Object.assign(STRINGS[code], strings);
for (const [code, strings] of Object.entries(SETTINGS_STRINGS)) Object.assign(STRINGS[code], strings);
for (const [code, strings] of Object.entries(BOARD_STRINGS)) Object.assign(STRINGS[code], strings);
for (const [code, strings] of Object.entries(SESSION_STRINGS)) Object.assign(STRINGS[code], strings);
for (const [code, strings] of Object.entries(THREAD_STRINGS)) Object.assign(STRINGS[code], strings);
for (const [code, strings] of Object.entries(TRANSLATION_STRINGS)) Object.assign(STRINGS[code], strings);
for (const [code, strings] of Object.entries(ERROR_STRINGS)) Object.assign(STRINGS[code], strings);
for (const [code, strings] of Object.entries(A11Y_STRINGS)) Object.assign(STRINGS[code], strings);

/**
 * The string tables, for checks that every language has every string.
 * @returns {Object<string, Object<string, string>>} language code -> key -> text
 */
export function stringTables() {
  return STRINGS;
}

/** Languages offered, by code, with their own names. */
export const LANGUAGES = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', pt: 'Português', et: 'Eesti' };

/** The locale Intl formats with for a language (Portuguese here is the European one). */
const INTL_LOCALES = { pt: 'pt-PT' };

const STORAGE_KEY = 'crossboard.lang';
let current = pickLanguage();

function pickLanguage() {
  const wanted = [new URLSearchParams(location.search).get('lang'), safeStorageGet(STORAGE_KEY),
    ...(navigator.languages || [navigator.language])];
  for (const tag of wanted) {
    const code = (tag || '').slice(0, 2).toLowerCase();
    if (STRINGS[code]) return code;
  }
  return 'en';
}

function safeStorageGet(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

/** The active language code. */
export function getLanguage() {
  return current;
}

/**
 * The locale for Intl (dates, times, numbers, plural rules) of the active language.
 * @param {string} [code] a language code, the active one by default
 * @returns {string}
 */
export function locale(code = current) {
  return INTL_LOCALES[code] || code;
}

/**
 * Whether the person chose a language here (the switch), as opposed to the browser's.
 * @returns {boolean}
 */
export function languageChosen() {
  return !!STRINGS[safeStorageGet(STORAGE_KEY)];
}

/**
 * Switches language, remembers it and re-labels the document.
 * @param {string} code one of LANGUAGES
 */
export function setLanguage(code) {
  if (!STRINGS[code]) return;
  current = code;
  try { localStorage.setItem(STORAGE_KEY, code); } catch { /* private mode */ }
  if (typeof document !== 'undefined') applyI18n(document);
}

/**
 * Translates a key, filling {placeholders} from params.
 * @param {string} key
 * @param {object} [params]
 * @returns {string}
 */
export function t(key, params = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/**
 * A number in the active language (1 000 in French, 1.000 in German …).
 * @param {number} n
 * @returns {string}
 */
export function formatNumber(n) {
  try { return new Intl.NumberFormat(locale()).format(n); } catch { return String(n); }
}

/**
 * The key of the plural form the language's rules (Intl.PluralRules) pick for
 * n: base.one, base.few …, base.other when the table has no such form.
 * @param {string} base
 * @param {number} n
 * @param {string} [lang] language code, the active one by default
 * @returns {string}
 */
export function pluralKey(base, n, lang = current) {
  let form = 'other';
  try { form = new Intl.PluralRules(locale(lang)).select(n); } catch { /* unknown language */ }
  const key = `${base}.${form}`;
  return key in STRINGS[lang] || key in STRINGS.en ? key : `${base}.other`;
}

/**
 * A counted phrase: the plural form for n, with {n} the number formatted
 * for the language, e.g. tn('commentCount', 3) → "3 comments".
 * @param {string} base key whose .one/.other (and other forms) exist
 * @param {number} n
 * @param {object} [params] more placeholders
 * @returns {string}
 */
export function tn(base, n, params = {}) {
  return t(pluralKey(base, n), { ...params, n: formatNumber(n) });
}

/**
 * What to tell the person about an error, by its code only (a REST ApiError
 * or a socket error frame): never the server's own message text. An unknown
 * code reads "Something went wrong (CODE)"; ERR_THROTTLED says when to try
 * again from Retry-After.
 * @param {{code?: string, status?: number, retryAfter?: number|null}} error
 * @returns {string}
 */
export function errorMessage(error) {
  const relative = (seconds) => {
    try {
      return new Intl.RelativeTimeFormat(locale(), { numeric: 'always' }).format(seconds, 'second');
    } catch {
      return `${seconds} s`;
    }
  };
  const { key, params } = errorKey(error, relative);
  return t(key, params);
}

/**
 * Fills elements marked with data-i18n (text), data-i18n-aria (aria-label
 * and title), data-i18n-placeholder.
 * @param {ParentNode} root
 */
export function applyI18n(root) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAria));
    el.title = t(el.dataset.i18nAria);
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}
