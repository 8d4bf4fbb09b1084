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

/** The server's presence colours (org.crossboard.presence.PresenceColors), in its order. */
export const PRESENCE_PALETTE = ['#C74C0A', '#1973C4', '#278439', '#AE3EC9', '#D13169', '#0B7F92',
  '#A76100', '#5F3DC4', '#D72F2F', '#087F5B', '#3B5BDB', '#862E9C'];

/**
 * A person's colour, the same as the server gives them in presence
 * (PresenceColors.forUser: Java's String.hashCode of the user id, modulo the
 * palette), so pages without presence show the same avatar colour. Every
 * colour has a contrast of at least 4.5:1 with the white initials on it.
 * @param {string} userId
 * @returns {string} #RRGGBB
 */
export function colorForUser(userId) {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (Math.imul(hash, 31) + userId.charCodeAt(i)) | 0;
  const n = PRESENCE_PALETTE.length;
  return PRESENCE_PALETTE[((hash % n) + n) % n];
}

/**
 * A person's avatar colour: theirs (colorForUser) when the user id is
 * known, else a stable colour for the name.
 * @param {{id?: string|null, name?: string|null}} user
 * @returns {string} #RRGGBB
 */
export function avatarColor(user) {
  if (user?.id) return colorForUser(user.id);
  return user?.name ? colorForName(user.name) : '#5F6B7A';
}

/**
 * A pleasant, stable colour for a name (people whose user id is unknown).
 * @param {string} name
 * @returns {string} #RRGGBB
 */
export function colorForName(name) {
  const palette = ['#4263EB', '#09815D', '#C05005', '#AE3EC9', '#0D7F91', '#D72F2F', '#4F7F0B', '#D13169'];
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
 * @param {string|null} [userId] without a colour, the person's colour comes from it
 */
export function renderWhoAmI(chip, name, color, detail, userId = null) {
  const avatar = chip.querySelector('.avatar');
  const label = chip.querySelector('.whoami-name');
  const shown = name || '?';
  avatar.textContent = name ? initials(name) : '?';
  const valid = /^#[0-9a-fA-F]{6}$/.test(color || '');
  avatar.style.background = valid ? color : avatarColor({ id: userId, name });
  label.textContent = shown;
  chip.title = t('signedInAs', { name: detail ? `${shown} (${detail})` : shown });
}
