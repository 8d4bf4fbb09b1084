/**
 * Following a person: this view shows what they see (their viewport,
 * centred and zoomed to fit) until this person pans or zooms, presses
 * Escape or Stop, or the other person leaves.
 * @module follow
 */

import { t } from './i18n.js';
import { toast } from './toast.js';
import { inkOn } from './cursors.js';
import { typingInto } from './dom.js';

/**
 * Moves a Viewport along with one peer's presence viewport.
 * Subscribe with onChange(fn): fn(clientId|null) when following starts or stops.
 */
export class FollowController {
  /**
   * @param {object} options
   * @param {import('./presence.js').PresenceClient} options.presence
   * @param {import('./viewport.js').Viewport} options.viewport
   * @param {HTMLElement} options.banner #follow-banner (with .follow-text and a stop button)
   * @param {HTMLElement} options.frame #follow-frame, a coloured frame around the view
   */
  constructor({ presence, viewport, banner, frame }) {
    this.presence = presence;
    this.viewport = viewport;
    this.banner = banner;
    this.frame = frame;
    this.clientId = null;
    this.name = '';
    this.applying = false;
    this.shown = null;
    this.listeners = new Set();
    presence.onChange(() => this.update());
    viewport.onChange(() => {
      if (this.clientId && !this.applying) this.stop();
    });
    window.addEventListener('resize', () => {
      this.shown = null;
      this.update();
    });
    banner.querySelector('button').addEventListener('click', () => this.stop());
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.clientId && !typingInto(e.target)) this.stop();
    });
  }

  /** The followed clientId, or null. */
  get following() {
    return this.clientId;
  }

  /**
   * Calls fn(clientId|null) when following starts or stops.
   * @param {Function} fn
   */
  onChange(fn) {
    this.listeners.add(fn);
  }

  /**
   * Starts following a peer (stops following anyone else).
   * @param {string} clientId
   */
  follow(clientId) {
    const peer = this.presence.peer(clientId);
    if (!peer) return;
    this.clientId = clientId;
    this.shown = null;
    const name = peer.user.name;
    this.name = name;
    this.banner.querySelector('.follow-text').textContent = t('followingName', { name });
    this.banner.querySelector('button').setAttribute('aria-label', t('stopFollowingName', { name }));
    for (const el of [this.banner, this.frame]) {
      el.style.setProperty('--peer', peer.user.color);
      el.style.setProperty('--peer-ink', inkOn(peer.user.color));
      el.hidden = false;
    }
    document.body.classList.add('following');
    this.update();
    this.notify();
  }

  /** Stops following. */
  stop() {
    if (!this.clientId) return;
    this.clientId = null;
    this.banner.hidden = true;
    this.frame.hidden = true;
    document.body.classList.remove('following');
    this.notify();
  }

  notify() {
    for (const fn of this.listeners) fn(this.clientId);
  }

  update() {
    if (!this.clientId) return;
    const peer = this.presence.peer(this.clientId);
    if (!peer) {
      toast(t('followEnded', { name: this.name }));
      this.stop();
      return;
    }
    const box = peer.viewport;
    if (!box) return;
    const key = `${box.x},${box.y},${box.w},${box.h}`;
    if (key === this.shown) return;
    this.shown = key;
    this.applying = true;
    try {
      this.viewport.lookAt(box);
    } finally {
      this.applying = false;
    }
  }
}
