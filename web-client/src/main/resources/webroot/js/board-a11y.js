/**
 * The board without a mouse and for screen readers: Tab walks records in
 * reading order (the whole board, panning to each), connecting two records
 * by keyboard (K, or the connector tool and Enter: then Tab or the outline
 * to the other end, Enter to connect, Escape to cancel), the focus after
 * undo and redo (the restored record), the outline's toggle and shortcut
 * (O), and other people's changes said politely, at most one summary every
 * two seconds (outline-model.ChangeAnnouncer).
 * @module board-a11y
 */

import { announce } from './announce.js';
import { t, tn } from './i18n.js';
import { typingInto } from './dom.js';
import { ChangeAnnouncer, connectorLabel, describeChanges, isBoxed, readingSequence, recordText } from './outline-model.js';
import { OutlinePanel, showRecord } from './outline.js';

/**
 * Runs an undo or redo step and gives the focus to the record it brought
 * back (the first in reading order), announcing it.
 * @param {object} ctx board page objects
 * @param {'undo'|'redo'} which
 */
export function stepWithFocus(ctx, which) {
  const { sync, undo, perms } = ctx;
  if (!perms.canEdit) return;
  const before = new Set(sync.getView().keys());
  undo[which]();
  const view = sync.getView();
  const back = readingSequence(view.values()).filter((r) => !before.has(r.id));
  if (back.length) {
    showRecord(ctx, back[0].id);
    if (back.length > 1) ctx.selection.set(back.map((r) => r.id));
    announce(t('restoredAnnounce', { what: back.map((r) => recordText(r) || t(typeKey(r))).join(', ') }));
  } else if (ctx.selection.single && ctx.renderer.elements.get(ctx.selection.single)) {
    ctx.renderer.elements.get(ctx.selection.single).focus({ preventScroll: true });
  }
}

function typeKey(record) {
  return { note: 'typeNote', text: 'typeText', shape: 'typeShape', frame: 'typeFrame' }[record.type] || 'typeNote';
}

/**
 * Installs the outline, keyboard connecting, reading-order Tab and the
 * announcements of other people's changes.
 * @param {object} ctx board page objects
 * @param {object} more
 * @param {object} more.presence PresenceClient (who a clientId is)
 * @param {() => Iterable<object>} more.threads comment threads
 * @param {() => object|null} more.vote the session's vote
 * @param {(id: string) => void} more.openThread
 * @returns {{outline: OutlinePanel, connecting: () => string|null}}
 */
export function installBoardA11y(ctx, { presence, threads, vote, openThread }) {
  const { sync, selection, container, perms, actions, renderer } = ctx;
  let connectFrom = null;

  const finishConnect = (to) => {
    const from = connectFrom;
    connectFrom = null;
    container.classList.remove('connecting');
    const id = from && to && from !== to ? actions.connect(from, to) : null;
    if (!id) {
      announce(t('connectCancelled'));
      return false;
    }
    announce(t('connectDone', { label: connectorLabel(sync.getView().get(id), sync.getView(), t) }));
    showRecord(ctx, to);
    return true;
  };

  const outline = new OutlinePanel({
    button: document.getElementById('outline-button'), ctx, threads, vote, openThread,
    pick: (id) => {
      if (!connectFrom || !isBoxed(sync.getView().get(id))) return false;
      finishConnect(id);
      return true;
    },
  });

  const startConnect = () => {
    const id = selection.single;
    const record = id && sync.getView().get(id);
    if (!perms.canEdit || !perms.canUseTool('connector')) return;
    if (!isBoxed(record)) {
      announce(t('connectPickOne'));
      return;
    }
    connectFrom = id;
    ctx.tools.set('select');
    container.classList.add('connecting');
    announce(t('connectStart', { what: recordText(record) || t(typeKey(record)) }));
  };

  // Tab and Shift+Tab from the canvas or a record: the next record in reading order, on the whole board.
  const tab = (e) => {
    const onRecord = e.target.closest?.('[data-record-id]');
    if (e.target !== container && !(onRecord && container.contains(onRecord))) return false;
    const sequence = readingSequence(sync.getView().values());
    if (!sequence.length) return false;
    const at = onRecord ? sequence.findIndex((r) => r.id === onRecord.dataset.recordId) : -1;
    let next;
    if (e.shiftKey) {
      if (e.target === container) return false;
      next = at > 0 ? sequence[at - 1] : null;
      if (!next) {
        container.focus({ preventScroll: true });
        return true;
      }
    } else {
      next = sequence[at + 1];
      if (!next) {
        document.getElementById('zoom-out')?.focus();
        return true;
      }
    }
    return showRecord(ctx, next.id);
  };

  // In the capture phase: before keyboard.js's document listener, which it may stop.
  document.addEventListener('keydown', (e) => {
    if (typingInto(e.target) || ctx.editor.active || document.body.classList.contains('terminated')) return;
    if (e.target.closest?.('dialog, #thread-panel, #session-panel, .presence-popover, .notifications-popover')) return;
    if (e.target.closest?.('#outline-panel') && !['o', 'O', 'k', 'K'].includes(e.key)) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const stop = () => {
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    if (key === 'Tab' && !mod && !e.altKey) {
      if (tab(e)) stop();
      return;
    }
    if (mod && (key === 'z' || key === 'y')) {
      stop();
      stepWithFocus(ctx, key === 'y' || e.shiftKey ? 'redo' : 'undo');
      return;
    }
    if (mod || e.altKey) return;
    if (connectFrom && (key === 'Enter' || key === 'k')) {
      if (e.target.closest?.('#outline-panel')) return; // the outline's Enter picks the other end
      stop();
      finishConnect(selection.single);
      return;
    }
    if (connectFrom && key === 'Escape') {
      stop();
      connectFrom = null;
      container.classList.remove('connecting');
      announce(t('connectCancelled'));
      selection.set([]);
      return;
    }
    if (key === 'k' || (key === 'Enter' && ctx.tools.tool === 'connector' && selection.single)) {
      if (key === 'Enter' && e.target.closest?.('button, a')) return;
      stop();
      startConnect();
    } else if (key === 'o') {
      stop();
      // Open elsewhere: O goes back into it; in it: O closes it.
      if (outline.open && !outline.root.contains(document.activeElement)) outline.show();
      else outline.toggle();
    }
  }, true);

  // Each record on the canvas says its frame and its connections (its description), indexed once per board version.
  let described = { version: -1, frames: new Map(), to: new Map(), from: new Map() };
  const index = (view) => {
    if (described.version === renderer.version) return described;
    const to = new Map();
    const from = new Map();
    const name = (r) => recordText(r) || t(typeKey(r));
    for (const r of view.values()) {
      if (r.type !== 'connector' || !view.has(r.from) || !view.has(r.to)) continue;
      if (!to.has(r.from)) to.set(r.from, []);
      to.get(r.from).push(name(view.get(r.to)));
      if (!from.has(r.to)) from.set(r.to, []);
      from.get(r.to).push(name(view.get(r.from)));
    }
    described = { version: renderer.version, to, from };
    return described;
  };
  renderer.afterRender.push((view) => {
    const { to, from } = index(view);
    for (const [id, el] of renderer.elements) {
      const record = view.get(id);
      if (!isBoxed(record)) continue;
      const parts = [];
      const frame = record.parent && view.get(record.parent);
      if (frame?.type === 'frame') parts.push(t('a11yInFrame', { title: recordText(frame) || t('defaultFrameTitle') }));
      if (to.has(id)) parts.push(t('a11yLinksTo', { what: to.get(id).join(', ') }));
      if (from.has(id)) parts.push(t('a11yLinkedFrom', { what: from.get(id).join(', ') }));
      const text = parts.join('; ');
      // aria-describedby to a hidden text (aria-description is ARIA 1.3, not read everywhere yet).
      let desc = el.querySelector(':scope > .record-desc');
      if (!text) {
        if (desc) {
          desc.remove();
          el.removeAttribute('aria-describedby');
        }
        continue;
      }
      if (!desc) {
        desc = document.createElement('span');
        desc.className = 'record-desc visually-hidden';
        desc.id = `record-desc-${id}`;
        el.append(desc);
        el.setAttribute('aria-describedby', desc.id);
      }
      if (desc.textContent !== text) desc.textContent = text;
    }
  });

  // The records' elements in reading order in the DOM (a screen reader's browse mode reads DOM order;
  // z-index, not DOM order, stacks them). Only after the board changed; the focused one never moves.
  let ordered = -1;
  renderer.afterRender.push((view) => {
    if (ordered === renderer.version) return;
    ordered = renderer.version;
    const shown = [];
    for (const [id, el] of renderer.elements) if (el.parentNode === renderer.world && view.has(id)) shown.push(view.get(id));
    const wanted = readingSequence(shown).map((r) => renderer.elements.get(r.id));
    const set = new Set(wanted);
    const current = [...renderer.world.children].filter((el) => set.has(el));
    if (current.length === wanted.length && current.every((el, i) => el === wanted[i])) return;
    const focused = document.activeElement;
    const keep = set.has(focused) ? focused : null;
    const at = keep ? wanted.indexOf(keep) : -1;
    for (let i = 0; i < wanted.length; i++) {
      if (wanted[i] === keep) continue;
      if (keep && i < at) renderer.world.insertBefore(wanted[i], keep);
      else renderer.world.append(wanted[i]);
    }
  });

  // Other people's changes, said politely and summarised (at most one message every 2 s).
  const announcer = new ChangeAnnouncer({ say: announce, t, plural: tn });
  const types = new Map();
  const learn = () => {
    types.clear();
    for (const r of sync.getView().values()) types.set(r.id, r.type);
  };
  sync.on('welcome', learn);
  sync.use({
    batch(message) {
      for (const op of message.ops || []) {
        if (op.clientId && op.clientId !== sync.clientId) {
          const name = presence.peer?.(op.clientId)?.user?.name || t('someone');
          announcer.add(name, describeChanges(op.changes, types));
        }
        for (const change of op.changes || []) {
          if (change.op === 'put') types.set(change.record.id, change.record.type);
          else if (change.op === 'remove') types.delete(change.id);
        }
      }
    },
  });

  return { outline, announcer, connecting: () => connectFrom };
}
