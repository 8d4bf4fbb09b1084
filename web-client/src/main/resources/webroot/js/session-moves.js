/**
 * Where a facilitator takes the room: a summon (their view, or a
 * spotlighted frame) and, while "follow me" is on, their view as it moves.
 * Participants who chose "don't move me" stay put unless the facilitator
 * forced it. The facilitator's page sends its view while following is on
 * (at most ~10 a second).
 * @module session-moves
 */

import { t } from './i18n.js';
import { toast } from './toast.js';
import { announce } from './announce.js';
import { moveView, targetForBox, viewCenter } from './session-ui.js';

const VIEWPORT_EVERY_MS = 100;

/**
 * @param {object} options
 * @param {import('./features/session.js').SessionClient} options.session
 * @param {import('./viewport.js').Viewport} options.viewport
 * @param {import('./sync.js').SyncClient} options.sync
 * @param {() => boolean} options.stayPut "don't move me"
 * @param {import('./follow.js').FollowController} [options.follow] following a peer stops on a summon
 */
export function installSessionMoves({ session, viewport, sync, stayPut, follow }) {
  const me = () => session.me;
  let lastSent = 0;
  let timer = 0;
  let sentKey = '';

  const leadingMe = () => session.session?.state === 'live' && session.session.follow === me() && session.isFacilitator;
  const sendView = () => {
    timer = 0;
    if (!leadingMe()) return;
    const view = viewCenter(viewport);
    const key = `${view.x},${view.y},${view.zoom}`;
    if (key === sentKey) return;
    sentKey = key;
    lastSent = Date.now();
    session.sendViewport(view);
  };
  viewport.onChange(() => {
    if (!leadingMe() || timer) return;
    timer = setTimeout(sendView, Math.max(0, lastSent + VIEWPORT_EVERY_MS - Date.now()));
  });

  const go = (target, animate) => {
    follow?.stop();
    return moveView(viewport, target, { animate });
  };

  session.onChange((kind, message) => {
    if (kind === 'state' && leadingMe() && !sentKey) sendView();
    if (kind === 'state' && !leadingMe()) sentKey = '';
    if (kind === 'summon') {
      if (message.by?.id === me()) return;
      if (message.group && message.group !== session.myGroup()?.id) return;
      if (stayPut() && !message.force) {
        toast(t('summonIgnored', { name: message.by?.name || t('facilitator') }));
        return;
      }
      if (message.frame) {
        const frame = sync.getView().get(message.frame);
        if (frame && Number.isFinite(frame.w)) go(targetForBox(frame, viewport.rect()), true);
        announce(t('spotlightBy', { name: message.by?.name || t('facilitator') }));
      } else if (message.viewport) {
        go(message.viewport, true);
        announce(t('summonedBy', { name: message.by?.name || t('facilitator') }));
      }
    }
    if (kind === 'viewport') {
      if (session.session?.follow === me() || stayPut() || !message.viewport) return;
      go(message.viewport, false);
    }
  });
}
