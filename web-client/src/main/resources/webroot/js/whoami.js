/**
 * The "who am I" chip: initials avatar and display name.
 * @module whoami
 */

import { t } from './i18n.js';

/**
 * Initials for an avatar ("Ana Tamm (Estonia)" -> "AT").
 * @param {string} name
 * @returns {string}
 */
export function initials(name) {
  const words = name.replace(/\(.*?\)/g, ' ').trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => [...w][0].toUpperCase());
  return letters.join('') || '?';
}

/**
 * A pleasant, stable colour for a name.
 * @param {string} name
 * @returns {string} #RRGGBB
 */
export function colorForName(name) {
  const palette = ['#4263EB', '#0CA678', '#F76707', '#AE3EC9', '#1098AD', '#E03131', '#5C940D', '#D6336C'];
  let hash = 7;
  for (const c of name) hash = (hash * 33 + c.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length];
}

/**
 * Fills the chip for the given name.
 * @param {HTMLElement} chip element with .avatar and .whoami-name children
 * @param {string|null} name
 * @param {string} [color] the colour others see for this person (#RRGGBB, from the server)
 * @param {string} [detail] shown in the tooltip (e.g. the email address)
 */
export function renderWhoAmI(chip, name, color, detail) {
  const avatar = chip.querySelector('.avatar');
  const label = chip.querySelector('.whoami-name');
  const shown = name || '?';
  avatar.textContent = name ? initials(name) : '?';
  const valid = /^#[0-9a-fA-F]{6}$/.test(color || '');
  avatar.style.background = valid ? color : name ? colorForName(name) : '#868E96';
  label.textContent = shown;
  chip.title = t('signedInAs', { name: detail ? `${shown} (${detail})` : shown });
}
