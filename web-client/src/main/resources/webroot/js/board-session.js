/**
 * Who opens a board (the account session, or a guest token for that board)
 * and what happens when the server ends the session for good.
 * @module board-session
 */

import { t } from './i18n.js';
import { clearAuth, clearGuest, getAuth, getGuest, goToSignin, isSigningOut } from './auth.js';
import { showBlockingOverlay } from './access-overlay.js';

/**
 * The credentials for a board. An account session wins over a guest token.
 * @param {string} boardId
 * @returns {{kind: 'account'|'guest', name: string, userId: string|null, email?: string,
 *   token: () => string|null}|null}
 */
export function boardSession(boardId) {
  const auth = getAuth();
  if (auth) {
    return {
      kind: 'account',
      name: auth.user?.name || auth.user?.email || '?',
      userId: auth.user?.id || null,
      email: auth.user?.email,
      token: () => getAuth()?.token || null,
    };
  }
  const guest = getGuest(boardId);
  if (guest) {
    return { kind: 'guest', name: guest.name || t('guest'), userId: guest.userId || guest.user?.id || null,
      token: () => getGuest(boardId)?.token || null };
  }
  return null;
}

/**
 * Handles a terminal close that is about access: revoked access (4013),
 * too many connections (4014), an unaccepted token (4010), no role on the
 * board (4011) and a board that does not exist (4012).
 * @param {{code: number, key: string}} info from SyncClient "terminal"
 * @param {object} options
 * @param {{kind: string}} options.session
 * @param {string} options.boardId
 * @param {string} options.homeHref the board's workspace page (or the list)
 * @returns {boolean} whether it was handled (otherwise show a toast)
 */
export function handleAccessEnd(info, { session, boardId, homeHref }) {
  // Signing out here closes this session's sockets: the page is leaving anyway.
  if (isSigningOut() && ['closeAccessRevoked', 'closeUnauthorized'].includes(info.key)) return true;
  const guest = session.kind === 'guest';
  const back = guest ? { href: 'signin.html', label: t('signIn') } : { href: homeHref, label: t('backToWorkspace') };
  if (info.key === 'closeAccessRevoked') {
    if (guest) clearGuest(boardId);
    showBlockingOverlay({
      id: 'access-removed',
      title: t('accessRemovedTitle'),
      message: guest ? t('accessRemovedGuest') : t('accessRemovedText'),
      // The workspace itself may be gone for them too: back to the list.
      link: guest ? back : { href: './', label: t('backToWorkspaces') },
    });
    return true;
  }
  if (info.key === 'closeTooManyConnections') {
    showBlockingOverlay({
      id: 'too-many-connections',
      title: t('tooManyConnectionsTitle'),
      message: t('tooManyConnectionsText'),
      link: back,
      action: { label: t('reload'), onClick: () => location.reload() },
    });
    return true;
  }
  if (info.key === 'closeForbidden' || info.key === 'closeBoardNotFound') {
    const forbidden = info.key === 'closeForbidden';
    if (guest) clearGuest(boardId);
    showBlockingOverlay({
      id: forbidden ? 'no-access' : 'board-gone',
      title: t(forbidden ? 'noAccessTitle' : 'boardGoneTitle'),
      message: t(forbidden ? 'noAccessText' : 'boardGoneText'),
      link: guest ? back : { href: './', label: t('backToWorkspaces') },
    });
    return true;
  }
  if (info.key === 'closeUnauthorized') {
    if (!guest) {
      clearAuth();
      goToSignin();
      return true;
    }
    clearGuest(boardId);
    showBlockingOverlay({ id: 'access-removed', title: t('linkExpiredTitle'), message: t('linkExpiredText'), link: back });
    return true;
  }
  return false;
}
