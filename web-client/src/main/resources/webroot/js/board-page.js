/**
 * The board page: wires sync, undo, rendering and input together, and
 * exposes window.crossboard for tests.
 * @module board-page
 */

import { applyI18n, t } from './i18n.js';
import { ensureName, promptName, storedName } from './dialogs.js';
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

const params = new URLSearchParams(location.search);
const boardId = params.get('id');
if (!boardId) {
  location.replace('./');
  await new Promise(() => {}); // stop here while the browser navigates
}
applyI18n(document);

const whoami = document.getElementById('whoami');
renderWhoAmI(whoami, storedName());
const name = await ensureName();
renderWhoAmI(whoami, name);

const sync = new SyncClient({ board: boardId, name, forceSockJS: params.get('transport') === 'sockjs' });
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
  const next = await promptName({ initial: sync.name, cancellable: true });
  if (next && next !== sync.name) {
    sync.setName(next);
    renderWhoAmI(whoami, next);
  }
});

let fitted = false;
sync.on('welcome', (message) => {
  showTitle();
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
};

if (!viewport.restored) viewport.fit(null);
sync.start();
