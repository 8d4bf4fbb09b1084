/**
 * The board page: wires sync, undo, rendering and input together, and
 * exposes window.crossboard for tests.
 * @module board-page
 */

import { applyI18n, t } from './i18n.js';
import { ensureProfile, promptProfile, storedName } from './dialogs.js';
import { SyncClient } from './sync.js';
import { UndoManager } from './undo.js';
import { Selection } from './selection.js';
import { Viewport } from './viewport.js';
import { CanvasRenderer } from './canvas.js';
import { TextEditor } from './editor.js';
import { Actions } from './actions.js';
import { Interaction } from './interaction.js';
import { installKeyboard } from './keyboard.js';
import { ToolState, installToolbar } from './toolbar.js';
import { renderWhoAmI } from './whoami.js';
import { boundsOf } from './geometry.js';
import { toast } from './toast.js';
import { PresenceClient } from './presence.js';
import { PeerLayer } from './cursors.js';
import { FollowController } from './follow.js';
import { installPeople } from './people.js';

const params = new URLSearchParams(location.search);
const boardId = params.get('id');
if (!boardId) {
  location.replace('./');
  await new Promise(() => {}); // stop here while the browser navigates
}
applyI18n(document);

const whoami = document.getElementById('whoami');
renderWhoAmI(whoami, storedName());
const profile = await ensureProfile();
renderWhoAmI(whoami, profile.name);

const sync = new SyncClient({ board: boardId, ...profile, forceSockJS: params.get('transport') === 'sockjs' });
const undo = new UndoManager(sync);
const selection = new Selection();
const tools = new ToolState();
const container = document.getElementById('viewport');
const world = document.getElementById('world');
const overlay = document.getElementById('overlay-layer');
const connectorLayer = document.getElementById('connector-layer');
const viewport = new Viewport(container, world, `crossboard.view.${boardId}`);
const renderer = new CanvasRenderer({ world, connectorLayer, overlay, sync, selection });
const editor = new TextEditor({ sync, undo, renderer, layer: overlay });
const actions = new Actions(sync, undo);
const ctx = { sync, undo, selection, tools, container, world, overlay, connectorLayer, viewport, renderer, editor, actions };
ctx.contentBounds = () => boundsOf([...sync.getView().values()]);
ctx.interaction = new Interaction(ctx);
installToolbar(ctx);
installKeyboard(ctx);

// Other people: presence, their cursors and selections, following.
const presence = new PresenceClient({ sync, viewport, selection, editor, container });
const peerLayer = new PeerLayer({ presence, sync, marks: document.getElementById('peer-layer'),
  cursors: document.getElementById('cursor-layer') });
const follow = new FollowController({ presence, viewport, banner: document.getElementById('follow-banner'),
  frame: document.getElementById('follow-frame') });
installPeople({ presence, follow, peerLayer });

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
  if (title && title !== boardTitle()) actions.renameBoard(title);
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

whoami.addEventListener('click', async () => {
  const next = await promptProfile({ initial: { name: sync.name, org: sync.org, country: sync.country }, cancellable: true });
  if (next && (next.name !== sync.name || next.org !== sync.org || next.country !== sync.country)) {
    sync.setProfile(next);
    renderWhoAmI(whoami, next.name, sync.welcome?.you?.color);
  }
});

let fitted = false;
sync.on('welcome', (message) => {
  showTitle();
  renderWhoAmI(whoami, sync.name, message.you?.color);
  if (!fitted) {
    fitted = true;
    renderer.render();
    if (!viewport.restored) viewport.fit(ctx.contentBounds());
  }
  if (message.role === 'viewer') toast(t('readOnly'));
});
sync.on('error', ({ message, code }) => toast(t('changeRefused', { message: message || code }), { kind: 'error' }));
sync.on('terminal', (info) => {
  editor.commit();
  document.body.classList.add('terminated');
  toast(info.message ? `${t(info.key)} (${info.message})` : t(info.key), {
    kind: 'error', ms: 0, action: { label: t('reload'), onClick: () => location.reload() },
  });
});
window.addEventListener('pagehide', () => editor.commit());

/** Test and debugging hooks. */
window.crossboard = {
  sync,
  undo,
  selection,
  viewport,
  actions,
  getRecords: () => [...sync.getView().values()].map((r) => ({ ...r })),
  state: () => sync.state,
  pendingCount: () => sync.pendingCount,
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
