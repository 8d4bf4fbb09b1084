import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Permissions } from '../../main/resources/webroot/js/permissions.js';
import { Schema } from '../../main/resources/webroot/js/schema.js';
import { DESCRIBED_SCHEMA, note } from './fixtures.js';

const schema = new Schema(DESCRIBED_SCHEMA);
const perms = (allowed) => {
  const p = new Permissions();
  p.update({ role: 'x', allowed, schema, userId: 'u1' });
  return p;
};
const comment = (createdBy) => ({ id: 'k', type: 'comment', text: 't', createdBy });

test('[A6] a commenter may add comments and change only their own, never notes', () => {
  const p = perms(['JOIN_BOARD', 'PUSH_COMMENT']);
  assert.equal(p.canEdit, false);
  assert.equal(p.canUseTool('comment'), true);
  assert.equal(p.canUseTool('note'), false);
  assert.equal(p.canChange(comment('u1')), true);
  assert.equal(p.canChange(comment('u2')), false);
  assert.equal(p.canChange(note('n1', { createdBy: 'u1' })), false);
});

test('[A6] an editor may change anything, but not the text of someone else\'s comment', () => {
  const p = perms(['JOIN_BOARD', 'PUSH_COMMENT', 'PUSH_EDIT']);
  assert.equal(p.canChange(comment('u2')), true);
  assert.equal(p.canEditText(comment('u2')), false);
  assert.equal(p.canEditText(comment('u1')), true);
  assert.equal(p.canEditText(note('n1', { createdBy: 'u2' })), true);
  assert.equal(p.canChange({ id: 'board', type: 'board' }), false, 'the board record is renamed, not changed');
});

test('a viewer may only look', () => {
  const p = perms(['JOIN_BOARD']);
  assert.equal(p.canComment, false);
  assert.equal(p.canUseTool('select'), true);
  assert.equal(p.canChange(comment('u1')), false);
});
