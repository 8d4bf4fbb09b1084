/**
 * The board page: picks the credentials (account, else this board's guest
 * token), wires sync, roles, undo, rendering, comment threads and
 * notifications, sharing and input together, and exposes window.crossboard
 * for tests. ?thread=… opens that thread once the board is there.
 * @module board-page
 */

import './theme.js';
import { applyI18n, errorMessage, t, tn } from './i18n.js';
import { goToSignin, keepSessionFresh, getAuth } from './auth.js';
import { getBoard, listBoardMembers } from './api.js';
import { boardSession, handleAccessEnd } from './board-session.js';
import { SyncClient } from './sync.js';
import { openPendingStore } from './pending-store.js';
import { UndoManager } from './undo.js';
import { Selection } from './selection.js';
import { Viewport, openingBox } from './viewport.js';
import { CanvasRenderer } from './canvas.js';
import { TextEditor } from './editor.js';
import { Actions } from './actions.js';
import { Interaction } from './interaction.js';
import { installKeyboard } from './keyboard.js';
import { installBoardA11y } from './board-a11y.js';
import { installContrastToggle } from './theme.js';
import { installCopyPaste } from './copy-paste.js';
import { ShortcutSheet } from './shortcuts.js';
import { installEmptyHint } from './empty-hint.js';
import { ToolState, installToolbar } from './toolbar.js';
import { renderWhoAmI } from './whoami.js';
import { boundsOf, hasBox } from './geometry.js';
import { toast } from './toast.js';
import { PresenceClient } from './features/presence.js';
import { PeerLayer } from './cursors.js';
import { FollowController } from './follow.js';
import { installPeople } from './people.js';
import { Permissions } from './permissions.js';
import { installRoleUi } from './role-ui.js';
import { CommentPanel } from './comment-panel.js';
import { installShare } from './share-dialog.js';
import { installAccountChrome, setupLanguageSelect } from './chrome.js';
import { SessionClient } from './features/session.js';
import { VoteLayer } from './session-vote.js';
import { SessionBar } from './session-bar.js';
import { SessionPanel } from './session-panel.js';
import { installSessionMoves } from './session-moves.js';
import { ThreadsClient, threadErrorKey } from './features/threads.js';
import { threadRights } from './thread-model.js';
import { ThreadPins } from './thread-pins.js';
import { ThreadPanel } from './thread-panel.js';
import { ThreadList } from './thread-list.js';
import { installNotifications } from './notifications.js';
import { peopleCandidates } from './thread-text.js';
import { installTranslations } from './translation-view.js';
import { installTopbarMenu } from './topbar-menu.js';

const params = new URLSearchParams(location.search);
const boardId = params.get('b') || params.get('board') || params.get('id');
if (!boardId) {
  location.replace('./');
  await new Promise(() => {}); // stop here while the browser navigates
}
applyI18n(document);

const session = boardSession(boardId);
if (!session) await goToSignin();

const whoami = document.getElementById('whoami');
installAccountChrome(session.kind === 'account' ? getAuth() : null);
// A new language: the fixed labels change at once (setLanguage), then a reload renders every
// text anew; edits not yet on the server are kept on this device and sent again (W7).
let reloadingForLanguage = false;
setupLanguageSelect(() => {
  reloadingForLanguage = true;
  editor.flush();
  setTimeout(() => location.reload(), 50);
});
whoami.hidden = false;
renderWhoAmI(whoami, session.name, undefined, session.email, session.userId);
if (session.kind === 'account') keepSessionFresh();

// Board details over REST (accounts only: a guest token opens the socket, nothing else).
let info = null;
const boardInfo = () => (info ||= getBoard(boardId));
const backLink = document.getElementById('back-link');
let homeHref = './';
if (session.kind === 'account') {
  boardInfo().then((board) => {
    if (!board?.workspace) return;
    homeHref = `workspace.html?ws=${encodeURIComponent(board.workspace)}`;
    backLink.href = homeHref;
  }).catch(() => { /* the socket reports access problems */ });
}

const perms = new Permissions();
// Pushes a closed or crashed page of this person left unsent go out again, under its clientId (SPEC W7).
const kept = await openPendingStore(boardId, session.userId);
const sync = new SyncClient({ board: boardId, token: session.token,
  forceSockJS: params.get('transport') === 'sockjs', clientId: kept?.clientId, restored: kept?.restored, store: kept?.store });
if (kept?.restored?.pending.length) {
  toast(t('restoredPending', { n: kept.restored.pending.length }));
}
const undo = new UndoManager(sync);
const selection = new Selection();
const tools = new ToolState((tool) => perms.canUseTool(tool));
const container = document.getElementById('viewport');
const world = document.getElementById('world');
const overlay = document.getElementById('overlay-layer');
const connectorLayer = document.getElementById('connector-layer');
const commentLayer = document.getElementById('comment-layer');
const viewport = new Viewport(container, world, `crossboard.view.${boardId}`);
const authorOf = (record) => record?.authorName
  || (perms.isOwn(record) ? sync.welcome?.you?.name || session.name : t('someone'));
const renderer = new CanvasRenderer({ world, connectorLayer, overlay, sync, selection, viewport, commentLayer,
  commentAuthor: authorOf, canChange: (record) => perms.canChange(record) });
const actions = new Actions(sync, undo, perms);
const editor = new TextEditor({ sync, undo, renderer, layer: overlay, canEdit: (record) => perms.canEditText(record),
  onGrow: (id, h) => actions.fitHeight(id, h) });
const comments = new CommentPanel({ sync, perms, viewport, renderer, selection, container, draftLayer: commentLayer, authorOf });

// Comment threads (docs/COMMENTS.md): pins on the board, the side panel, the comments list, the bell.
const threads = new ThreadsClient({ sync });
let members = [];
const people = () => {
  if (members.length) return members;
  // Without the member list (guests): the people here now and those who wrote.
  const seen = new Map();
  for (const thread of threads.threads.values()) {
    for (const c of thread.comments) if (c.author?.id) seen.set(c.author.id, { user: { id: c.author.id, name: c.author.name } });
  }
  for (const peer of presence.peerList?.() || []) if (peer.user?.id) seen.set(peer.user.id, { user: peer.user });
  return peopleCandidates([...seen.values()], threads.me);
};
if (session.kind === 'account') {
  listBoardMembers(boardId).then((list) => {
    members = peopleCandidates(list, session.userId);
  }).catch(() => { /* not allowed to list: people() falls back */ });
}
let threadPanel = null;
const pins = new ThreadPins({ threads, sync, renderer, layer: commentLayer, viewport, onOpen: (id) => threadPanel.open(id),
  canMove: (thread) => threadRights(thread, { me: threads.me, role: sync.role, canComment: perms.canComment }).move,
  onMove: (id, anchor) => threads.move(id, anchor).catch((error) => toast(t(threadErrorKey(error)), { kind: 'error' })) });
const bell = session.kind === 'account'
  ? installNotifications({ host: document.querySelector('.topbar'), board: boardId, live: true,
    openThread: (id) => threadPanel.open(id, { pan: true }),
    boardTitle: () => sync.getView().get('board')?.title ?? sync.welcome?.board?.title ?? '' })
  : null;
threads.onChange((kind, message) => kind === 'notification' && bell?.receive(message));
threadPanel = new ThreadPanel({ threads, sync, perms, viewport, pins, people, container, mutes: bell });
threadPanel.list = new ThreadList({ threads, sync, selection,
  onOpen: (id) => threadPanel.open(id, { pan: true, fromList: true }) });
const threadsButton = document.getElementById('threads-button');
threadsButton.addEventListener('click', () => (threadPanel.view === 'list' ? threadPanel.close() : threadPanel.openList()));
const showOpenThreads = () => {
  const open = [...threads.threads.values()].filter((th) => th.state !== 'resolved').length;
  const badge = threadsButton.querySelector('.threads-count');
  badge.textContent = String(open);
  badge.hidden = open === 0;
  threadsButton.setAttribute('aria-label', `${t('commentsList')}: ${tn('openThreadCount', open)}`);
};
threads.onChange((kind) => kind === 'threads' && showOpenThreads());
// A notification's link (?thread=…): open that thread once the board's threads are here.
let wantedThread = params.get('thread');
threads.onChange((kind, ids) => {
  if (kind !== 'threads' || ids || !wantedThread || !threads.ready) return;
  if (!threadPanel.open(wantedThread, { pan: true })) toast(t('threadNotFound'), { kind: 'error' });
  wantedThread = null;
});
showOpenThreads();

const ctx = { sync, undo, selection, tools, container, world, overlay, connectorLayer, viewport, renderer, editor, actions,
  perms, comments, threads: threadPanel };
ctx.contentBounds = () => boundsOf([...sync.getView().values()]);
ctx.interaction = new Interaction(ctx);
ctx.shortcuts = new ShortcutSheet(document.getElementById('shortcuts-dialog'), document.getElementById('shortcuts-button'));
installToolbar(ctx);
// The outline, Tab in reading order, connecting by keyboard, others' changes said (board-a11y.js).
let a11y = null;
const installA11y = () => {
  a11y = installBoardA11y(ctx, { presence, threads: () => threads.threads.values(),
    vote: () => live.session?.vote ?? null, openThread: (id) => threadPanel.open(id, { pan: true }) });
  threads.onChange(() => a11y.outline.schedule());
  live.onChange(() => a11y.outline.schedule());
};
installKeyboard(ctx);
installCopyPaste(ctx);
installEmptyHint({ sync, perms, hint: document.getElementById('empty-hint') });

// Other people: presence, their cursors and selections, following.
const presence = new PresenceClient({ sync, viewport, selection, editor, container });
const peerLayer = new PeerLayer({ presence, sync, marks: document.getElementById('peer-layer'),
  cursors: document.getElementById('cursor-layer') });
const follow = new FollowController({ presence, viewport, banner: document.getElementById('follow-banner'),
  frame: document.getElementById('follow-frame') });
installPeople({ presence, follow, peerLayer });

// The live session (docs/SESSIONS.md): the facilitator's panel, everyone's strip, votes on the board.
const live = new SessionClient({ sync });
const votes = new VoteLayer({ session: live, sync, perms, container, world });
const sessionPanel = new SessionPanel({ session: live, sync, selection, viewport, boardId });
const sessionBar = new SessionBar({ session: live, votes, sync });
installSessionMoves({ session: live, viewport, sync, follow, stayPut: () => sessionBar.stayPut });
installA11y();
installContrastToggle(document.getElementById('contrast-toggle'));

// Board title: shows the "board" record; editing it patches that record.
const titleInput = document.getElementById('board-title');
const boardTitle = () => sync.getView().get('board')?.title ?? sync.welcome?.board?.title ?? '';
const showTitle = () => {
  const title = boardTitle();
  if (document.activeElement !== titleInput) titleInput.value = title;
  document.title = title ? `${title} — ${t('appName')}` : t('appName');
};
const saveTitle = () => {
  const title = titleInput.value.trim().slice(0, 200);
  if (perms.canEdit && title && title !== boardTitle()) actions.renameBoard(title);
  else titleInput.value = boardTitle();
};
titleInput.addEventListener('change', saveTitle);
titleInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') titleInput.blur();
  if (e.key === 'Escape') {
    titleInput.value = boardTitle();
    titleInput.blur();
  }
});
sync.on('change', showTitle);

installRoleUi({ sync, perms, editor, renderer, titleInput });
const translations = installTranslations({ boardId, token: session.token, sync, renderer, perms, selection, actions,
  threads });
threadPanel.useTranslations(translations.comments);
installShare({ boardId, perms, boardInfo });
// Last of the top bar: the bell and the reading-language switch are in it by now.
installTopbarMenu({ bar: document.querySelector('.topbar'), button: document.getElementById('more-button'),
  menu: document.getElementById('more-menu') });

let fitted = false;
sync.on('welcome', (message) => {
  showTitle();
  renderWhoAmI(whoami, message.you?.name || session.name, message.you?.color, session.email,
    message.you?.id || session.userId);
  if (!fitted) {
    fitted = true;
    if (!viewport.restored) {
      const rect = container.getBoundingClientRect();
      viewport.fit(openingBox([...sync.getView().values()].filter(hasBox), { w: rect.width, h: rect.height }));
    }
    renderer.render();
    performance.mark('crossboard:board-shown');
  }
});

// Errors that end the session get their own screen, not a "change refused" toast.
const SESSION_ERRORS = new Set(['ERR_ACCESS_REVOKED', 'ERR_TOO_MANY_CONNECTIONS', 'ERR_UNAUTHORIZED']);
sync.on('error', ({ code }) => {
  if (SESSION_ERRORS.has(code)) return;
  toast(t('changeRefused', { message: errorMessage({ code }) }), { kind: 'error' });
});
sync.on('terminal', (info) => {
  const accessEnded = ['closeAccessRevoked', 'closeUnauthorized', 'closeTooManyConnections'].includes(info.key);
  if (accessEnded) editor.cancel();
  else editor.commit();
  comments.close({ save: !accessEnded, refocus: false });
  threadPanel.close({ refocus: false });
  document.body.classList.add('terminated');
  if (handleAccessEnd(info, { session, boardId, homeHref })) {
    perms.update({ role: null, allowed: [] });
    return;
  }
  toast(t(info.key), {
    kind: 'error', ms: 0, action: { label: t('reload'), onClick: () => location.reload() },
  });
});
window.addEventListener('pagehide', () => {
  editor.commit();
  comments.close({ refocus: false });
});
// Leaving with changes the server has not confirmed: they are kept on this device (W7), but say so.
window.addEventListener('beforeunload', (event) => {
  editor.flush();
  if (sync.pendingCount === 0 || reloadingForLanguage) return;
  event.preventDefault();
  event.returnValue = t('unsavedChanges');
});

/** Test and debugging hooks. */
window.crossboard = {
  sync,
  undo,
  selection,
  viewport,
  actions,
  perms,
  comments,
  translations,
  threads: {
    client: threads,
    panel: threadPanel,
    pins,
    bell,
    /** Every thread as this page holds it (copies). */
    list: () => [...threads.threads.values()].map((th) => structuredClone(th)),
  },
  /** The current role on this board (null before the welcome). */
  get role() {
    return perms.role;
  },
  /** The outline panel and keyboard connecting (board-a11y.js). */
  get a11y() {
    return a11y;
  },
  getRecords: () => [...sync.getView().values()].map((r) => ({ ...r })),
  state: () => sync.state,
  pendingCount: () => sync.pendingCount,
  /** "websocket" or "sockjs" while connected, else null. */
  transport: () => sync.connection.link?.kind ?? null,
  session: {
    client: live,
    panel: sessionPanel,
    bar: sessionBar,
    votes,
    /** The session as this person sees it (a copy), or null. */
    current: () => structuredClone(live.session),
    /** ms to add to this page's clock to get the server's. */
    offset: () => live.clock.offset,
  },
  presence: {
    client: presence,
    follow,
    peers: () => presence.peerList(),
    following: () => follow.following,
    local: () => presence.localState(),
  },
};

if (!viewport.restored) viewport.fit(null);
sync.start();
