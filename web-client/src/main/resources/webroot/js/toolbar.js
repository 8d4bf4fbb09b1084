/**
 * Toolbar, selection context bar, zoom controls and connection status.
 * @module toolbar
 */

import { stepWithFocus } from './board-a11y.js';
import { t, tn } from './i18n.js';
import { deleteSelection } from './delete-selection.js';

/** Fill colours for notes, shapes and frames. */
export const LIGHT_PALETTE = [
  ['yellow', '#FFE066'], ['orange', '#FFC078'], ['pink', '#FCC2D7'], ['violet', '#D0BFFF'],
  ['blue', '#A5D8FF'], ['teal', '#96F2D7'], ['green', '#B2F2BB'], ['grey', '#E9ECEF'],
];
/** Ink colours for text and connectors. */
export const DARK_PALETTE = [
  ['black', '#212529'], ['slate', '#495057'], ['red', '#E03131'], ['orange', '#E8590C'],
  ['darkgreen', '#2F9E44'], ['darkblue', '#1971C2'], ['purple', '#7048E8'], ['brown', '#8D6E63'],
];

/**
 * The active tool and shape kind.
 */
export class ToolState {
  /**
   * @param {(tool: string) => boolean} [allowed] tools this person may use;
   *   asking for another one selects "select"
   */
  constructor(allowed = () => true) {
    this.allowed = allowed;
    this.tool = 'select';
    this.shape = 'rectangle';
    this.listeners = new Set();
  }

  /** @param {Function} fn called after every change */
  onChange(fn) {
    this.listeners.add(fn);
  }

  /**
   * Activates a tool.
   * @param {string} tool select, hand, note, text, shape, frame, connector, comment
   */
  set(tool) {
    this.tool = this.allowed(tool) ? tool : 'select';
    for (const fn of this.listeners) fn(this);
  }

  /**
   * Picks the shape kind for the shape tool (and activates it).
   * @param {string} kind rectangle, ellipse or diamond
   */
  setShape(kind) {
    this.shape = kind;
    this.set('shape');
  }
}

/**
 * Binds the static toolbar markup of board.html to the board objects.
 * @param {object} ctx shared board page objects
 */
export function installToolbar(ctx) {
  const { tools, undo, viewport, selection, actions, sync, container, interaction, perms } = ctx;
  // Only the toolbar's buttons: the canvas carries data-tool too (for its cursor).
  const toolButtons = [...document.querySelectorAll('button[data-tool]')];

  for (const button of toolButtons) {
    button.addEventListener('click', (e) => {
      tools.set(button.dataset.tool);
      if (tools.tool !== button.dataset.tool || e.detail !== 0) return;
      // From the keyboard (no pointer), create right away in the middle.
      const c = viewport.centerWorld();
      if (['note', 'text', 'shape', 'frame'].includes(tools.tool)) interaction.createAt(tools.tool, c.x, c.y);
      else if (tools.tool === 'comment') interaction.commentAt(c.x, c.y, selection.single);
    });
  }
  for (const button of document.querySelectorAll('[data-shape-kind]')) {
    button.addEventListener('click', () => tools.setShape(button.dataset.shapeKind));
  }
  const renderTools = () => {
    for (const button of toolButtons) {
      button.setAttribute('aria-pressed', String(button.dataset.tool === tools.tool));
    }
    for (const button of document.querySelectorAll('[data-shape-kind]')) {
      button.setAttribute('aria-pressed', String(button.dataset.shapeKind === tools.shape));
    }
    document.getElementById('shape-kinds').hidden = tools.tool !== 'shape';
    container.dataset.tool = tools.tool;
  };
  tools.onChange(renderTools);
  renderTools();
  // Along the left edge on wide screens, along the bottom on phones (board.css).
  const toolbar = document.querySelector('.toolbar');
  const narrow = window.matchMedia('(max-width: 640px)');
  const orient = () => toolbar.setAttribute('aria-orientation', narrow.matches ? 'horizontal' : 'vertical');
  narrow.addEventListener('change', orient);
  orient();

  const undoButton = document.getElementById('undo-button');
  const redoButton = document.getElementById('redo-button');
  undoButton.addEventListener('click', () => stepWithFocus(ctx, 'undo'));
  redoButton.addEventListener('click', () => stepWithFocus(ctx, 'redo'));
  const renderUndo = () => {
    undoButton.disabled = !perms.canEdit || !undo.canUndo;
    redoButton.disabled = !perms.canEdit || !undo.canRedo;
  };
  undo.onChange(renderUndo);
  renderUndo();

  // What the role offers: tools, undo, and anything marked data-requires.
  const renderRole = () => {
    for (const button of toolButtons) button.hidden = !perms.canUseTool(button.dataset.tool);
    const allowed = { edit: perms.canEdit, comment: perms.canComment, manage: perms.canManage };
    for (const node of document.querySelectorAll('[data-requires]')) node.hidden = !allowed[node.dataset.requires];
    if (!perms.canUseTool(tools.tool)) tools.set('select');
    renderUndo();
  };
  perms.onChange(renderRole);
  renderRole();

  const zoomLevel = document.getElementById('zoom-level');
  document.getElementById('zoom-in').addEventListener('click', () => viewport.zoomBy(1.25));
  document.getElementById('zoom-out').addEventListener('click', () => viewport.zoomBy(0.8));
  document.getElementById('zoom-fit').addEventListener('click', () => viewport.fit(ctx.contentBounds()));
  zoomLevel.addEventListener('click', () => viewport.resetZoom());
  viewport.onChange(() => {
    const label = `${Math.round(viewport.zoom * 100)}%`;
    if (zoomLevel.textContent !== label) zoomLevel.textContent = label;
  });
  zoomLevel.textContent = `${Math.round(viewport.zoom * 100)}%`;

  installContextBar(ctx);
  installStatus(sync);
  document.getElementById('delete-selection').addEventListener('click', () => deleteSelection(ctx));
}

function installContextBar({ selection, actions, sync, renderer, perms }) {
  const bar = document.getElementById('context-bar');
  const swatches = document.getElementById('swatches');
  const shapeGroup = document.getElementById('shape-switch');
  const fontGroup = document.getElementById('font-size');
  const lockButton = document.getElementById('lock-selection');
  let paletteKind = null;

  // Comments have no colour, size or lock: the bar is about the other records.
  const selected = () => [...selection.ids].map((id) => sync.view.get(id))
    .filter((r) => r && r.type !== 'comment' && perms.canChange(r));
  const buildSwatches = (palette) => {
    swatches.replaceChildren(...palette.map(([name, hex]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'swatch';
      button.dataset.color = hex;
      button.style.setProperty('--swatch', hex);
      button.setAttribute('aria-label', t('colorSwatch', { name: t(`color.${name}`) }));
      button.title = button.getAttribute('aria-label');
      button.addEventListener('click', () => actions.patch(selection.ids, { color: hex }));
      return button;
    }));
  };
  const update = () => {
    const records = perms.canEdit ? selected() : [];
    bar.hidden = records.length === 0;
    if (!records.length) return;
    const ink = records.every((r) => r.type === 'text' || r.type === 'connector');
    if (paletteKind !== ink) {
      paletteKind = ink;
      buildSwatches(ink ? DARK_PALETTE : LIGHT_PALETTE);
    }
    const colors = new Set(records.map((r) => (r.color || '').toUpperCase()));
    for (const swatch of swatches.children) {
      swatch.setAttribute('aria-pressed', String(colors.size === 1 && colors.has(swatch.dataset.color)));
    }
    const shapes = records.filter((r) => r.type === 'shape');
    shapeGroup.hidden = shapes.length === 0;
    for (const button of shapeGroup.querySelectorAll('[data-set-shape]')) {
      button.setAttribute('aria-pressed', String(shapes.length > 0 && shapes.every((s) => s.shape === button.dataset.setShape)));
    }
    fontGroup.hidden = !records.some((r) => ['note', 'text', 'shape'].includes(r.type));
    lockButton.setAttribute('aria-pressed', String(records.every((r) => r.locked)));
  };
  for (const button of shapeGroup.querySelectorAll('[data-set-shape]')) {
    button.addEventListener('click', () => {
      actions.patch(selected().filter((r) => r.type === 'shape').map((r) => r.id), { shape: button.dataset.setShape });
    });
  }
  const changeFont = (factor) => {
    for (const r of selected()) {
      if (!['note', 'text', 'shape'].includes(r.type)) continue;
      const size = Math.round(Math.min(400, Math.max(6, (r.fontSize || 18) * factor)));
      actions.patch([r.id], { fontSize: size });
    }
  };
  document.getElementById('font-bigger').addEventListener('click', () => changeFont(1.25));
  document.getElementById('font-smaller').addEventListener('click', () => changeFont(0.8));
  document.getElementById('bring-front').addEventListener('click', () => actions.bringToFront(selection.ids));
  lockButton.addEventListener('click', () => {
    actions.setLocked(selection.ids, !selected().every((r) => r.locked));
  });
  selection.onChange(update);
  perms.onChange(update);
  renderer.afterRender.push(() => {
    selection.prune(sync.getView());
    update();
  });
}

function installStatus(sync) {
  const chip = document.getElementById('connection-status');
  const text = chip.querySelector('.status-text');
  const labels = { connecting: 'statusConnecting', connected: 'statusConnected', reconnecting: 'statusReconnecting', offline: 'statusOffline' };
  const render = ({ state, pending, terminal }) => {
    chip.dataset.state = state;
    chip.dataset.pending = String(pending);
    let label = t(labels[state]);
    if (pending > 0 && state !== 'connected') {
      label += ` — ${tn('pending', pending)}`;
    }
    if (terminal) label = t(terminal.key);
    text.textContent = label;
    chip.title = label;
  };
  sync.on('status', render);
  render({ state: sync.state, pending: sync.pendingCount, terminal: sync.terminal });
}
