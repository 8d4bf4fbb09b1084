/**
 * Roles and what each allows in the interface. The server enforces every
 * rule; these only decide what the interface offers.
 * @module roles
 */

import { t } from './i18n.js';

/** Every role, strongest first. */
export const ROLES = ['owner', 'facilitator', 'editor', 'commenter', 'viewer'];
/** Roles a guest link may carry for guests. */
export const BOARD_INVITE_ROLES = ['editor', 'commenter', 'viewer'];

const rank = (role) => {
  const index = ROLES.indexOf(role);
  return index < 0 ? ROLES.length : index;
};

/** Whether the role may create, change and delete records. */
export function canEdit(role) {
  return rank(role) <= rank('editor');
}

/** Whether the role may invite people and change who has access. */
export function canManage(role) {
  return rank(role) <= rank('facilitator');
}

/** Whether the role is the owner's. */
export function isOwner(role) {
  return role === 'owner';
}

/**
 * Roles someone with role may hand out (never above their own).
 * @param {string} role
 * @returns {string[]}
 */
export function assignableRoles(role) {
  return ROLES.filter((r) => rank(r) >= rank(role));
}

/**
 * The translated name of a role.
 * @param {string|null} role
 * @returns {string}
 */
export function roleName(role) {
  return role ? t(`role.${role}`) : t('role.none');
}
