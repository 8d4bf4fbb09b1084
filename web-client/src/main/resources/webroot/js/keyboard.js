/**
 * Keyboard shortcuts for the board page.
 * @module keyboard
 */

import { announce } from './announce.js';
import { tn } from './i18n.js';
import { typingInto } from './dom.js';
import { deleteSelection } from './delete-selection.js';

const TOOL_KEYS = { v: 'select', h: 'hand', n: 'note', t: 'text', s: 'shape', f: 'frame', c: 'connector', m: 'comment' };

/**
 * Installs document-level shortcuts. Shortcuts that change records (delete,
 * nudge, undo, redo) only work for roles that may edit.
 * @param {object} ctx shared board page objects
 */
export function installKeyboard(ctx) {
  const { selection, actions, undo, tools, viewport, editor, interaction, sync, perms, comments } = ctx;
  const selectedIds = () => [...selection.ids].filter((id) => perms.canChange(sync.view.get(id)));

  document.addEventListener('keydown', (e) => {
    if (typingInto(e.target) || editor.active || document.body.classList.contains('terminated')) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    // Enter and Space belong to a focused button or link.
    if ((key === 'Enter' || key === ' ') && e.target.closest?.('button, a')) return;
    if (mod && key === 'z') {
      e.preventDefault();
      if (!perms.canEdit) return;
      if (e.shiftKey) undo.redo();
      else undo.undo();
    } else if (mod && key === 'y') {
      e.preventDefault();
      if (perms.canEdit) undo.redo();
    } else if (mod && key === 'a') {
      e.preventDefault();
      selection.set([...sync.view.values()].filter((r) => r.type !== 'board').map((r) => r.id));
    } else if (mod && key === 'd') {
      e.preventDefault();
      if (!selection.size || !perms.canEdit) return;
      const ids = actions.duplicate(selection.ids);
      if (ids.length) {
        selection.set(ids);
        announce(tn('duplicatedAnnounce', ids.length));
      }
    } else if (mod) {
      return; // copy, cut and paste arrive as clipboard events (copy-paste.js)
    } else if (key === 'Delete' || key === 'Backspace') {
      if (!selection.size || !perms.canEdit) return;
      e.preventDefault();
      deleteSelection(ctx);
    } else if (key === '?') {
      e.preventDefault();
      ctx.shortcuts?.open();
    } else if (key.startsWith('Arrow')) {
      const sign = (a, b) => (key === a ? -1 : key === b ? 1 : 0);
      e.preventDefault();
      if (!selection.size) {
        // Nothing selected: the arrows pan the board.
        const step = e.shiftKey ? 200 : 40;
        viewport.panBy(-sign('ArrowLeft', 'ArrowRight') * step, -sign('ArrowUp', 'ArrowDown') * step);
        return;
      }
      if (!perms.canEdit) return;
      const step = e.shiftKey ? 10 : 1;
      actions.nudge(selectedIds(), sign('ArrowLeft', 'ArrowRight') * step, sign('ArrowUp', 'ArrowDown') * step);
    } else if (key === 'Escape') {
      selection.clear();
      tools.set('select');
    } else if (key === 'Enter') {
      const id = selection.single;
      const record = id && sync.view.get(id);
      if (record?.type === 'comment') {
        e.preventDefault();
        comments.open(id);
      } else if (record) {
        if (!perms.canEditText(record)) return;
        e.preventDefault();
        editor.edit(id);
      } else if (['note', 'text', 'shape', 'frame'].includes(tools.tool)) {
        e.preventDefault();
        const c = viewport.centerWorld();
        interaction.createAt(tools.tool, c.x, c.y);
      } else if (tools.tool === 'comment') {
        e.preventDefault();
        const c = viewport.centerWorld();
        interaction.commentAt(c.x, c.y, selection.single);
      }
    } else if (key === ' ') {
      if (!interaction.spaceHeld) {
        interaction.spaceHeld = true;
        ctx.container.classList.add('space-pan');
      }
      e.preventDefault();
    } else if (key === '+' || key === '=') {
      viewport.zoomBy(1.2);
    } else if (key === '-') {
      viewport.zoomBy(1 / 1.2);
    } else if (key === '!' || (key === '1' && e.shiftKey)) {
      viewport.fit(ctx.contentBounds());
    } else if (key === '0') {
      viewport.resetZoom();
    } else if (TOOL_KEYS[key] && !e.altKey) {
      tools.set(TOOL_KEYS[key]);
    }
  });

  document.addEventListener('keyup', (e) => {
    if (e.key === ' ') {
      interaction.spaceHeld = false;
      ctx.container.classList.remove('space-pan');
    }
  });

  window.addEventListener('blur', () => {
    interaction.spaceHeld = false;
    ctx.container.classList.remove('space-pan');
  });
}

