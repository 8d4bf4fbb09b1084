/**
 * @-mention autocomplete on a comment field (ARIA combobox with a listbox):
 * typing "@" suggests the people with access to the board and the groups;
 * arrows move, Enter or Tab chooses, Escape closes. What was chosen is kept
 * so the mentions sent are the ones the text still names.
 * @module thread-mentions
 */

import { el } from './dom.js';
import { t } from './i18n.js';
import { roleName } from './roles.js';
import { MENTION_GROUPS } from './thread-model.js';
import { filterMentions, insertMention, mentionQuery, mentionsToSend } from './thread-text.js';

let boxes = 0;

/** The mention groups as candidates. */
export function groupCandidates() {
  return MENTION_GROUPS.map((group) => ({ group, label: group }));
}

/**
 * Autocomplete for one textarea.
 */
export class MentionBox {
  /**
   * @param {HTMLTextAreaElement} field
   * @param {() => Array<{user?: string, group?: string, label: string, role?: string}>} people the people to offer (groups are added)
   */
  constructor(field, people) {
    this.field = field;
    this.people = people;
    this.chosen = [];
    this.options = [];
    this.active = -1;
    this.at = null;
    const id = `mention-list-${++boxes}`;
    this.list = el('ul', { id, className: 'mention-list', hidden: true, attrs: { role: 'listbox', 'aria-label': t('mentionListLabel') } });
    field.setAttribute('role', 'combobox');
    field.setAttribute('aria-autocomplete', 'list');
    field.setAttribute('aria-expanded', 'false');
    field.setAttribute('aria-controls', id);
    field.after(this.list);
    field.addEventListener('input', () => this.update());
    field.addEventListener('click', () => this.update());
    field.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    field.addEventListener('keydown', (e) => this.onKey(e));
    this.list.addEventListener('pointerdown', (e) => e.preventDefault()); // keep the focus in the field
    this.list.addEventListener('click', (e) => {
      const option = e.target.closest('[role="option"]');
      if (option) this.choose(Number(option.dataset.index));
    });
  }

  /** Whether suggestions are shown. */
  get open() {
    return !this.list.hidden;
  }

  /** The mentions to send for the field's text now. */
  mentions() {
    return mentionsToSend(this.field.value, this.chosen);
  }

  /** Forgets what was chosen (the field was emptied). */
  reset() {
    this.chosen = [];
    this.close();
  }

  update() {
    this.at = mentionQuery(this.field.value, this.field.selectionStart ?? this.field.value.length);
    if (!this.at) {
      this.close();
      return;
    }
    this.options = filterMentions([...this.people(), ...groupCandidates()], this.at.query);
    if (!this.options.length) {
      this.close();
      return;
    }
    this.active = 0;
    this.render();
  }

  render() {
    const listId = this.list.id;
    this.list.replaceChildren(...this.options.map((c, index) => {
      const detail = c.group ? t(`mentionGroup.${c.group}`) : c.role ? roleName(c.role) : '';
      return el('li', { id: `${listId}-${index}`, className: 'mention-option', dataset: { index: String(index) },
        attrs: { role: 'option', 'aria-selected': String(index === this.active) } },
      [el('span', { className: 'mention-name', textContent: `@${c.label}` }),
        detail ? el('span', { className: 'mention-detail', textContent: detail }) : null]);
    }));
    this.list.hidden = false;
    this.field.setAttribute('aria-expanded', 'true');
    this.field.setAttribute('aria-activedescendant', `${listId}-${this.active}`);
    this.list.children[this.active]?.scrollIntoView?.({ block: 'nearest' });
  }

  close() {
    this.list.hidden = true;
    this.options = [];
    this.field.setAttribute('aria-expanded', 'false');
    this.field.removeAttribute('aria-activedescendant');
  }

  onKey(e) {
    if (!this.open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = this.options.length;
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      this.render();
    } else if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
      e.preventDefault();
      this.choose(this.active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // closes the suggestions, not the panel
      this.close();
    }
  }

  choose(index) {
    const c = this.options[index];
    if (!c || !this.at) return;
    const { text, caret } = insertMention(this.field.value, this.at, c.label);
    this.field.value = text;
    this.field.setSelectionRange(caret, caret);
    this.chosen.push(c);
    this.close();
    this.field.dispatchEvent(new Event('input', { bubbles: true }));
    this.close();
  }
}
