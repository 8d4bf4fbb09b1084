/**
 * Who is online: a facepile in the top bar that opens a list of everyone
 * on the board (name, organisation, country, status) with Follow buttons,
 * and the "Hide cursors" toggle.
 * @module people
 */

import { t } from './i18n.js';
import { initials } from './whoami.js';
import { inkOn } from './cursors.js';

const MAX_FACES = 4;
const STATUS_KEYS = { active: 'presenceActive', idle: 'presenceIdle', away: 'presenceAway' };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function face(peer) {
  const node = el('span', 'face', initials(peer.user.name));
  node.dataset.peer = peer.clientId;
  node.dataset.status = peer.status;
  node.style.setProperty('--peer', peer.user.color);
  node.style.setProperty('--peer-ink', inkOn(peer.user.color));
  node.append(el('span', 'face-dot'));
  return node;
}

function peopleIcon() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'people-icon');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(svg.namespaceURI, 'path');
  path.setAttribute('d', 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.3a3.5 3.5 0 0 1 0 6.4M18 14.2a6.5 6.5 0 0 1 3.5 5.8');
  svg.append(path);
  return svg;
}

function details(peer) {
  return [peer.user.org, peer.user.country, peer.user.guest ? t('guest') : null].filter(Boolean).join(' · ');
}

/**
 * Binds the facepile markup of board.html (#presence-list, #presence-popover,
 * #toggle-cursors) to presence, following and the cursor layer.
 * @param {object} options
 * @param {import('./presence.js').PresenceClient} options.presence
 * @param {import('./follow.js').FollowController} options.follow
 * @param {import('./cursors.js').PeerLayer} options.peerLayer
 */
export function installPeople({ presence, follow, peerLayer }) {
  const button = document.getElementById('presence-list');
  const faces = button.querySelector('.faces');
  const popover = document.getElementById('presence-popover');
  const list = document.getElementById('presence-rows');
  const empty = document.getElementById('presence-empty');
  const count = document.getElementById('presence-count');
  const toggle = document.getElementById('toggle-cursors');
  const rows = new Map();
  let pileKey = null;
  let listKey = null;

  const peers = () => [...presence.peers.values()];
  // Only what the facepile shows: cursor moves do not rebuild it.
  const renderPile = () => {
    const all = peers();
    const key = JSON.stringify(all.map((p) => [p.clientId, p.user.name, p.user.color, p.status]));
    if (key === pileKey) return;
    pileKey = key;
    // Every peer has an item (tests count them); only the first few show.
    const shown = all.length > MAX_FACES ? MAX_FACES - 1 : all.length;
    const nodes = all.map((peer, i) => {
      const node = face(peer);
      node.hidden = i >= shown;
      return node;
    });
    if (all.length > shown) {
      const more = el('span', 'face more', `+${all.length - shown}`);
      more.title = t('morePeople', { n: all.length - shown });
      nodes.splice(shown, 0, more);
    }
    if (!nodes.length) nodes.push(peopleIcon());
    faces.replaceChildren(...nodes);
    const label = all.length ? t('peopleButton', { n: all.length }) : t('peopleAlone');
    button.setAttribute('aria-label', label);
    button.title = all.length ? all.map((p) => p.user.name).join(', ') : label;
    button.dataset.count = String(all.length);
  };

  const renderList = () => {
    const all = peers();
    const key = JSON.stringify([follow.following, all.map((p) => [p.clientId, p.user, p.status, p.editing])]);
    if (key === listKey) return;
    listKey = key;
    count.textContent = String(all.length);
    empty.hidden = all.length > 0;
    const keep = new Set();
    let previous = null;
    for (const peer of all) {
      keep.add(peer.clientId);
      let row = rows.get(peer.clientId);
      if (!row) {
        row = createRow(peer.clientId);
        rows.set(peer.clientId, row);
      }
      fillRow(row, peer, follow.following === peer.clientId);
      // Arrival order; rows already in place are not moved (that would drop focus).
      const expected = previous ? previous.nextSibling : list.firstChild;
      if (row !== expected) list.insertBefore(row, expected);
      previous = row;
    }
    for (const [id, row] of rows) {
      if (!keep.has(id)) {
        row.remove();
        rows.delete(id);
      }
    }
  };

  const open = (focusInside) => {
    popover.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    renderList();
    if (focusInside) (popover.querySelector('[data-follow]') || toggle).focus();
  };
  const close = (refocus) => {
    if (popover.hidden) return;
    popover.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };
  button.addEventListener('click', (e) => (popover.hidden ? open(e.detail === 0) : close(false)));
  popover.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
    }
  });
  document.addEventListener('pointerdown', (e) => {
    if (!popover.hidden && !popover.contains(e.target) && !button.contains(e.target)) close(false);
  }, true);
  popover.addEventListener('focusout', (e) => {
    if (e.relatedTarget && !popover.contains(e.relatedTarget) && e.relatedTarget !== button) close(false);
  });
  list.addEventListener('click', (e) => {
    const target = e.target.closest('[data-follow]');
    if (!target) return;
    const id = target.dataset.follow;
    if (follow.following === id) {
      follow.stop();
    } else {
      follow.follow(id);
      close(false);
    }
  });

  const renderToggle = () => {
    toggle.setAttribute('aria-pressed', String(peerLayer.cursorsHidden));
  };
  toggle.addEventListener('click', () => peerLayer.setCursorsHidden(!peerLayer.cursorsHidden));
  peerLayer.onToggle(renderToggle);
  renderToggle();

  const render = () => {
    renderPile();
    if (!popover.hidden) renderList();
  };
  presence.onChange(render);
  follow.onChange(render);
  render();
}

function createRow(clientId) {
  const row = el('li', 'person');
  row.dataset.peerRow = clientId;
  const text = el('div', 'person-text');
  const name = el('span', 'person-name');
  name.id = `person-${clientId}`;
  text.append(name, el('span', 'person-details'), el('span', 'person-status'));
  const followButton = el('button', 'button small follow-button');
  followButton.type = 'button';
  followButton.id = `follow-${clientId}`;
  followButton.dataset.follow = clientId;
  // Read as "Follow Ana Tamm" / "Following Ana Tamm".
  followButton.setAttribute('aria-labelledby', `${followButton.id} ${name.id}`);
  row.append(el('span', 'face'), text, followButton);
  return row;
}

function fillRow(row, peer, followed) {
  const avatar = face(peer);
  row.firstChild.replaceWith(avatar);
  avatar.removeAttribute('data-peer');
  const [name, info, status] = row.querySelector('.person-text').children;
  name.textContent = peer.user.name;
  info.textContent = details(peer);
  info.hidden = !info.textContent;
  const state = t(STATUS_KEYS[peer.status]);
  status.textContent = peer.editing ? `${state} · ${t('presenceTyping')}` : state;
  status.dataset.status = peer.status;
  const followButton = row.lastChild;
  followButton.textContent = followed ? t('following') : t('follow');
  followButton.setAttribute('aria-pressed', String(followed));
  followButton.title = followed ? t('stopFollowingName', { name: peer.user.name }) : t('followName', { name: peer.user.name });
}
