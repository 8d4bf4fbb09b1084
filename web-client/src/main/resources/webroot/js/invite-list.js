/**
 * Invitations as shown on the workspace page and in the board's share
 * dialog: the link, list rows, and the "create" form values.
 * @module invite-list
 */

import { t } from './i18n.js';
import { toMillis } from './auth.js';
import { el, errorText, formatDate, icon, ICONS, roleBadge, setBusy, showFormError } from './dom.js';

/**
 * The share link for an invitation code. The code rides in the fragment,
 * which browsers never send to a server.
 * @param {string} code
 * @returns {string}
 */
export function inviteLink(code) {
  return `${location.origin}/join.html#${code}`;
}

/**
 * "active", "expired" or "used" (revoked ones are not listed).
 * @param {object} invite
 * @returns {string}
 */
export function inviteState(invite) {
  const expires = toMillis(invite.expiresAt);
  if (expires !== null && expires <= Date.now()) return 'expired';
  if (invite.maxUses && invite.uses >= invite.maxUses) return 'used';
  return 'active';
}

/**
 * One list row for an invitation, with a revoke button.
 * @param {object} invite from the invites list
 * @param {object} options
 * @param {string|null} [options.boardTitle] the board it opens (null: the whole workspace)
 * @param {boolean} [options.showScope] say which board (workspace page)
 * @param {(invite: object, row: HTMLElement) => void} options.onRevoke
 * @returns {HTMLElement}
 */
export function inviteRow(invite, { boardTitle = null, showScope = false, onRevoke }) {
  const state = inviteState(invite);
  const details = [
    t('inviteUsesOf', { uses: invite.uses ?? 0, max: invite.maxUses ?? '∞' }),
    state === 'expired' ? t('inviteExpired') : t('inviteExpires', { date: formatDate(invite.expiresAt) }),
  ];
  if (state === 'used') details.push(t('inviteUsedUp'));
  const text = el('div', { className: 'invite-text' }, [
    el('span', { className: 'invite-scope' }, [
      roleBadge(invite.role),
      showScope ? el('span', { textContent: invite.board ? (boardTitle || t('someBoard')) : t('wholeWorkspace') }) : null,
    ]),
    el('span', { className: 'invite-details', textContent: details.join(' · ') }),
  ]);
  const revoke = el('button', { type: 'button', className: 'icon-button danger-hover', title: t('revokeInvite') },
    [icon(ICONS.trash)]);
  revoke.dataset.revokeInvite = invite.id;
  revoke.setAttribute('aria-label', t('revokeInvite'));
  const row = el('li', { className: 'invite-row', dataset: { inviteId: invite.id, state } }, [text, revoke]);
  revoke.addEventListener('click', () => onRevoke(invite, row));
  return row;
}

/**
 * Reads and checks the role / expiry / uses fields of an invitation form.
 * @param {HTMLFormElement} form with fields role, expiresInHours, maxUses (and optional board)
 * @returns {{value?: object, error?: string}}
 */
export function readInviteForm(form) {
  const data = new FormData(form);
  const hours = Number(data.get('expiresInHours'));
  const uses = Number(data.get('maxUses'));
  if (!Number.isInteger(hours) || hours < 1 || hours > 720) return { error: t('inviteExpiryInvalid') };
  if (!Number.isInteger(uses) || uses < 1 || uses > 1000) return { error: t('inviteUsesInvalid') };
  const value = { role: data.get('role'), expiresInHours: hours, maxUses: uses };
  if (data.get('board')) value.board = data.get('board');
  return { value };
}

/**
 * Wires an invitation form: validates it, creates the link, shows it once in
 * {@code linkField} (inside {@code result}) selected for copying, then calls
 * {@code onCreated}.
 * @param {HTMLFormElement} form
 * @param {{create: (value: object) => Promise<{code: string}>, linkField: HTMLInputElement,
 *   result: HTMLElement, onCreated: Function}} options
 */
export function bindInviteForm(form, { create, linkField, result, onCreated }) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showFormError(form);
    const { value, error } = readInviteForm(form);
    if (error) {
      showFormError(form, error);
      return;
    }
    setBusy(form, true);
    try {
      const invite = await create(value);
      linkField.value = inviteLink(invite.code);
      result.hidden = false;
      linkField.focus();
      linkField.select();
      linkField.scrollLeft = 0;
      onCreated();
    } catch (failure) {
      showFormError(form, errorText(failure));
    } finally {
      setBusy(form, false);
    }
  });
}
