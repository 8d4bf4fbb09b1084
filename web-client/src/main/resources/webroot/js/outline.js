/**
 * The board's outline: a side panel with a keyboard-navigable tree of
 * frames → their records in reading order, records outside frames,
 * connectors as "A → B", comment threads and the vote (outline-model.js
 * builds it). Kept live while open: re-rendered once per animation frame
 * after a change, keeping the keyboard focus on the same item.
 *
 * Pattern: an ARIA tree (role=tree, flat role=treeitem rows with
 * aria-level, aria-setsize, aria-posinset and aria-expanded, one roving
 * tabindex). Screen readers (NVDA, JAWS, VoiceOver, TalkBack) read a tree
 * item with its level and "n of m", and announce expanding and collapsing,
 * which a nested list with headings does not; the whole tree is one Tab
 * stop and arrows move, as in a file explorer. Rows are flat siblings (the
 * structure is in aria-level) so a re-render can reuse and reorder rows
 * without ever moving the focused one.
 * @module outline
 */

import { focusBack, icon, ICONS } from './dom.js';
import { t, tn } from './i18n.js';
import { buildOutline, visibleRows } from './outline-model.js';
import { hasBox } from './geometry.js';

/**
 * Pans the view so a world box is in the middle of the part of the canvas
 * not covered on the left (zoom unchanged).
 * @param {import('./viewport.js').Viewport} viewport
 * @param {{x: number, y: number, w: number, h: number}} box
 * @param {number} [left] screen pixels covered on the left (the outline panel)
 */
export function panToBox(viewport, box, left = 0) {
  const rect = viewport.rect();
  const cx = (box.x + box.w / 2) * viewport.zoom + viewport.x;
  const cy = (box.y + box.h / 2) * viewport.zoom + viewport.y;
  viewport.panBy(left + (rect.width - left) / 2 - cx, rect.height / 2 - cy);
}

/**
 * Pans only when the box is not entirely in the uncovered part of the view.
 * @param {import('./viewport.js').Viewport} viewport
 * @param {{x: number, y: number, w: number, h: number}} box
 * @param {number} [left] screen pixels covered on the left
 */
export function bringIntoView(viewport, box, left = 0) {
  const v = viewport.worldRect();
  const cut = left / viewport.zoom;
  const inside = box.x >= v.x + cut && box.y >= v.y && box.x + box.w <= v.x + v.w && box.y + box.h <= v.y + v.h;
  if (!inside) panToBox(viewport, box, left);
}

// Screen pixels the open outline panel covers on the left of the canvas (none on phones: a bottom sheet).
function coveredLeft(viewport) {
  const panel = document.getElementById('outline-panel');
  if (!panel || panel.hidden || window.innerWidth <= 640) return 0;
  return Math.max(0, panel.getBoundingClientRect().right - viewport.rect().left);
}

/** The outline panel of the board page. */
export class OutlinePanel {
  /**
   * @param {object} options
   * @param {HTMLButtonElement} options.button the toggle
   * @param {object} options.ctx board page objects (sync, selection, viewport, renderer)
   * @param {() => Iterable<object>} [options.threads] comment threads
   * @param {() => object|null} [options.vote] the session's vote
   * @param {(id: string) => void} [options.openThread]
   * @param {(id: string) => boolean} [options.pick] called first on Enter on a record (connecting); true when handled
   */
  constructor({ button, ctx, threads = () => [], vote = () => null, openThread = () => {}, pick = () => false }) {
    Object.assign(this, { button, ctx, threads, vote, openThread, pick });
    this.collapsed = new Set();
    this.rows = new Map(); // key -> li
    this.activeKey = null;
    this.frame = 0;
    this.root = document.createElement('aside');
    this.root.id = 'outline-panel';
    this.root.className = 'outline-panel';
    this.root.hidden = true;
    this.root.setAttribute('aria-labelledby', 'outline-title');
    const head = document.createElement('div');
    head.className = 'outline-head';
    this.heading = document.createElement('h2');
    this.heading.id = 'outline-title';
    this.close = document.createElement('button');
    this.close.type = 'button';
    this.close.className = 'icon-button';
    this.close.append(icon(ICONS.close));
    this.close.addEventListener('click', () => this.hide());
    head.append(this.heading, this.close);
    this.help = document.createElement('p');
    this.help.id = 'outline-help';
    this.help.className = 'outline-help';
    this.empty = document.createElement('p');
    this.empty.className = 'outline-empty';
    this.tree = document.createElement('ul');
    this.tree.className = 'outline-tree';
    this.tree.setAttribute('role', 'tree');
    this.tree.setAttribute('aria-labelledby', 'outline-title');
    this.tree.setAttribute('aria-describedby', 'outline-help');
    this.root.append(head, this.help, this.empty, this.tree);
    document.body.append(this.root);
    this.tree.addEventListener('keydown', (e) => this.onKey(e));
    this.tree.addEventListener('click', (e) => {
      const li = e.target.closest('[role=treeitem]');
      if (li) this.activate(li.dataset.key);
    });
    this.tree.addEventListener('focusin', (e) => {
      const li = e.target.closest('[role=treeitem]');
      if (li) this.setActive(li.dataset.key);
    });
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.hide();
      }
    });
    button.setAttribute('aria-controls', 'outline-panel');
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => this.toggle());
    const { sync, selection } = ctx;
    sync.on('change', () => this.schedule());
    selection.onChange(() => this.schedule());
    this.label();
  }

  /** Sets the texts in the current language. */
  label() {
    this.heading.textContent = t('outlineTitle');
    this.help.textContent = t('outlineHelp');
    this.empty.textContent = t('outlineEmpty');
    this.close.setAttribute('aria-label', t('close'));
    this.close.title = t('close');
    this.button.setAttribute('aria-label', t('outlineButton'));
    this.button.title = t('outlineButton');
  }

  get open() {
    return !this.root.hidden;
  }

  toggle() {
    if (this.open) this.hide();
    else this.show();
  }

  /** Opens the panel and puts the focus on the selected record's row (else the first). */
  show() {
    this.root.hidden = false;
    document.body.classList.add('outline-open');
    this.button.setAttribute('aria-expanded', 'true');
    this.render();
    const selected = this.ctx.selection.single;
    const key = selected && this.rows.has(selected) ? selected : this.activeKey && this.rows.has(this.activeKey)
      ? this.activeKey : this.tree.firstElementChild?.dataset.key;
    if (key) this.focusRow(key);
    else this.close.focus();
  }

  hide() {
    if (!this.open) return;
    const inside = this.root.contains(document.activeElement);
    this.root.hidden = true;
    document.body.classList.remove('outline-open');
    this.button.setAttribute('aria-expanded', 'false');
    if (inside) focusBack(this.button);
  }

  /** Re-renders on the next animation frame (only while open). */
  schedule() {
    if (this.open && !this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.render();
      });
    }
  }

  /** The outline's items now. */
  items() {
    return buildOutline({ view: this.ctx.sync.getView(), threads: [...this.threads()], vote: this.vote(), t, plural: tn });
  }

  render() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const rows = visibleRows(this.items(), this.collapsed);
    this.empty.hidden = rows.length > 0;
    const focused = this.tree.contains(document.activeElement) ? document.activeElement.closest('[role=treeitem]') : null;
    const oldKeys = [...this.tree.children].map((li) => li.dataset.key);
    const next = new Map();
    const lis = rows.map(({ item, level, pos, size }) => {
      let li = this.rows.get(item.key);
      if (!li) {
        li = document.createElement('li');
        li.setAttribute('role', 'treeitem');
        li.id = `outline-${item.key.replace(/[^\w-]/g, '_')}`;
        li.dataset.key = item.key;
        li.tabIndex = -1;
      }
      next.set(item.key, li);
      li.item = item;
      setAttr(li, 'aria-level', String(level));
      setAttr(li, 'aria-setsize', String(size));
      setAttr(li, 'aria-posinset', String(pos));
      setAttr(li, 'aria-expanded', item.children.length ? String(!this.collapsed.has(item.key)) : null);
      setAttr(li, 'aria-selected', item.id ? String(this.ctx.selection.has(item.id)) : null);
      li.dataset.kind = item.kind;
      li.style.setProperty('--level', String(level));
      if (li.textContent !== item.label) li.textContent = item.label;
      return li;
    });
    this.rows = next;
    const sameOrder = oldKeys.length === lis.length && lis.every((li, i) => li.dataset.key === oldKeys[i]);
    if (!sameOrder) {
      const keep = focused && next.get(focused.dataset.key) === focused ? focused : null;
      if (!keep) {
        this.tree.replaceChildren(...lis);
      } else {
        // Never move the focused row: the others are put around it.
        for (const child of [...this.tree.children]) if (child !== keep) child.remove();
        const at = lis.indexOf(keep);
        for (let i = 0; i < at; i++) this.tree.insertBefore(lis[i], keep);
        for (let i = at + 1; i < lis.length; i++) this.tree.append(lis[i]);
      }
    }
    // The roving tabindex: the active row (else the first) is the tree's one Tab stop.
    if (!this.activeKey || !next.has(this.activeKey)) {
      const lost = focused && !next.has(focused.dataset.key);
      const index = lost ? Math.min(oldKeys.indexOf(focused.dataset.key), lis.length - 1) : 0;
      this.activeKey = lis[Math.max(0, index)]?.dataset.key ?? null;
      if (lost && this.activeKey) this.focusRow(this.activeKey);
    }
    for (const li of lis) li.tabIndex = li.dataset.key === this.activeKey ? 0 : -1;
  }

  setActive(key) {
    this.activeKey = key;
    for (const li of this.tree.children) li.tabIndex = li.dataset.key === key ? 0 : -1;
  }

  focusRow(key) {
    const li = this.rows.get(key);
    if (!li) return;
    this.setActive(key);
    li.focus({ preventScroll: false });
  }

  onKey(e) {
    const li = e.target.closest('[role=treeitem]');
    if (!li || e.ctrlKey || e.metaKey || e.altKey) return;
    const list = [...this.tree.children];
    const i = list.indexOf(li);
    const item = li.item;
    const move = (to) => to && this.focusRow(to.dataset.key);
    const expandable = item.children.length > 0;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown': move(list[i + 1]); break;
      case 'ArrowUp': move(list[i - 1]); break;
      case 'Home': move(list[0]); break;
      case 'End': move(list[list.length - 1]); break;
      case 'ArrowRight':
        if (expandable && this.collapsed.has(item.key)) {
          this.collapsed.delete(item.key);
          this.render();
        } else if (expandable) {
          move(list[i + 1]);
        }
        break;
      case 'ArrowLeft': {
        if (expandable && !this.collapsed.has(item.key)) {
          this.collapsed.add(item.key);
          this.render();
        } else {
          const level = Number(li.getAttribute('aria-level'));
          for (let j = i - 1; j >= 0; j--) {
            if (Number(list[j].getAttribute('aria-level')) < level) {
              move(list[j]);
              break;
            }
          }
        }
        break;
      }
      case 'Enter':
      case ' ':
        this.activate(item.key);
        break;
      case 'F2': {
        // Edit the item's text (a connector's label too) where it is on the canvas.
        const record = item.id && this.ctx.sync.getView().get(item.id);
        if (!record || !this.ctx.perms.canEditText(record)) break;
        showRecord(this.ctx, item.id);
        this.ctx.editor.edit(item.id, { selectAll: true });
        break;
      }
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  /** Enter on an item: a record is selected and shown on the canvas (focus goes to it); a thread opens. */
  activate(key) {
    const item = this.rows.get(key)?.item;
    if (!item) return;
    if (item.thread) {
      this.openThread(item.thread);
      return;
    }
    if (!item.id) {
      if (item.children.length) {
        if (this.collapsed.has(key)) this.collapsed.delete(key);
        else this.collapsed.add(key);
        this.render();
      }
      return;
    }
    if (this.pick(item.id)) return;
    // On a phone the outline is a bottom sheet over the canvas: it closes to show the record.
    if (showRecord(this.ctx, item.id) && window.innerWidth <= 640) this.hide();
  }
}

/**
 * Selects a record, pans to it when out of view and gives its element the
 * focus (a connector, which has no focusable element, is only selected).
 * @param {object} ctx board page objects
 * @param {string} id
 * @returns {boolean} whether the record's element got the focus
 */
export function showRecord(ctx, id) {
  const { sync, selection, viewport, renderer } = ctx;
  const view = sync.getView();
  const record = view.get(id);
  if (!record) return false;
  selection.set([id]);
  let box = hasBox(record) ? record : null;
  if (!box && record.type === 'connector') {
    const ends = [view.get(record.from), view.get(record.to)].filter(hasBox);
    if (ends.length) {
      const x = Math.min(...ends.map((r) => r.x));
      const y = Math.min(...ends.map((r) => r.y));
      box = { x, y, w: Math.max(...ends.map((r) => r.x + r.w)) - x, h: Math.max(...ends.map((r) => r.y + r.h)) - y };
    }
  }
  if (box) bringIntoView(viewport, box, coveredLeft(viewport));
  renderer.render();
  const el = renderer.elements.get(id);
  if (el && el.tabIndex >= 0) {
    el.focus({ preventScroll: true });
    return true;
  }
  return false;
}

function setAttr(el, name, value) {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}
