/**
 * Comment pins: a speech bubble at the comment's point (constant screen
 * size at every zoom) with the author's name and the text. Text is always
 * set with textContent.
 * @module comments
 */

import { t } from './i18n.js';
import { avatarColor, initials } from './whoami.js';

const PREVIEW_CHARS = 280;

/**
 * A short description of a record a comment is about.
 * @param {object|undefined} record
 * @returns {string}
 */
export function describeTarget(record) {
  if (!record) return t('commentTargetGone');
  const text = (record.text || record.title || record.label || '').trim();
  const kind = { note: 'typeNote', text: 'typeText', shape: 'typeShape', frame: 'typeFrame', connector: 'typeConnector' }[record.type];
  const type = kind ? t(kind) : record.type;
  return text ? `${type}: “${text.length > 60 ? `${text.slice(0, 60)}…` : text}”` : type;
}

/**
 * Creates the element for a comment record.
 * @param {object} record
 * @returns {HTMLElement}
 */
export function createCommentPin(record) {
  const el = document.createElement('div');
  el.className = 'record type-comment comment';
  el.dataset.recordId = record.id;
  el.dataset.type = 'comment';
  el.tabIndex = 0;
  el.setAttribute('role', 'button');
  el.setAttribute('aria-roledescription', t('typeComment'));
  const avatar = document.createElement('span');
  avatar.className = 'comment-avatar';
  avatar.setAttribute('aria-hidden', 'true');
  const body = document.createElement('span');
  body.className = 'comment-body';
  const author = document.createElement('span');
  author.className = 'comment-author';
  const text = document.createElement('span');
  text.className = 'comment-text';
  body.append(author, text);
  el.append(avatar, body);
  return el;
}

/**
 * Updates a pin for a new version of its record.
 * @param {HTMLElement} el from createCommentPin
 * @param {object} record
 * @param {string} authorName who wrote it
 */
export function updateCommentPin(el, record, authorName) {
  el.style.left = `${record.x}px`;
  el.style.top = `${record.y}px`;
  el.classList.toggle('resolved', !!record.resolved);
  el.dataset.resolved = String(!!record.resolved);
  if (record.target) el.dataset.target = record.target;
  else delete el.dataset.target;
  const avatar = el.querySelector('.comment-avatar');
  avatar.textContent = initials(authorName);
  avatar.style.background = avatarColor({ id: record.createdBy, name: authorName });
  el.querySelector('.comment-author').textContent = authorName;
  const text = record.text || '';
  const preview = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
  el.querySelector('.comment-text').textContent = preview;
  const state = record.resolved ? ` (${t('commentResolved')})` : '';
  // The name holds the visible text as shown (WCAG 2.5.3: what is seen is what is said).
  el.setAttribute('aria-label', t('commentBy', { name: authorName, text: preview }) + state);
}
