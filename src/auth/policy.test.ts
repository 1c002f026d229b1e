import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublicationStatus, Role } from '../db/schema.js';
import { ACTIONS, can, type Action } from './policy.js';

const ROLES: Role[] = ['admin', 'editor', 'author', 'contributor'];
const ME = 7;
const SOMEONE_ELSE = 8;

type Expect = Record<Role, boolean>;
const all: Expect = { admin: true, editor: true, author: true, contributor: true };
const editors: Expect = { admin: true, editor: true, author: false, contributor: false };
const writersToo: Expect = { admin: true, editor: true, author: true, contributor: true };
const authorsToo: Expect = { admin: true, editor: true, author: true, contributor: false };
const adminOnly: Expect = { admin: true, editor: false, author: false, contributor: false };

/**
 * The whole matrix, written out: [action, status, whose, expected per role]. Reading a row
 * tells what each role may do; a change to the policy must change this table too.
 */
const MATRIX: [Action, PublicationStatus | null, 'own' | 'other' | null, Expect][] = [
  ['admin.enter', null, null, all],
  ['publication.create', null, null, all],
  ['publication.viewAll', null, null, editors],
  ['publication.view', 'draft', 'own', writersToo],
  ['publication.view', 'draft', 'other', editors],
  ['publication.view', 'published', 'own', writersToo],
  ['publication.edit', 'draft', 'own', writersToo],
  ['publication.edit', 'draft', 'other', editors],
  ['publication.edit', 'review', 'own', editors],
  ['publication.edit', 'published', 'own', editors],
  ['publication.edit', 'published', 'other', editors],
  ['publication.delete', 'draft', 'own', writersToo],
  ['publication.delete', 'draft', 'other', editors],
  ['publication.delete', 'published', 'own', editors],
  ['publication.submit', 'draft', 'own', authorsToo],
  ['publication.submit', 'draft', 'other', editors],
  ['publication.submit', 'review', 'own', { admin: false, editor: false, author: false, contributor: false }],
  ['publication.withdraw', 'review', 'own', authorsToo],
  ['publication.withdraw', 'review', 'other', editors],
  ['publication.withdraw', 'draft', 'own', { admin: false, editor: false, author: false, contributor: false }],
  ['publication.publish', 'review', 'own', editors],
  ['publication.publish', 'review', 'other', editors],
  ['publication.publish', 'draft', 'own', editors],
  ['publication.publish', 'published', 'other', { admin: false, editor: false, author: false, contributor: false }],
  ['publication.unpublish', 'published', 'own', editors],
  ['publication.unpublish', 'scheduled', 'other', editors],
  ['publication.unpublish', 'draft', 'other', { admin: false, editor: false, author: false, contributor: false }],
  ['media.upload', null, null, all],
  ['media.edit', null, null, editors],
  ['media.delete', null, null, editors],
  ['structure.manage', null, null, editors],
  ['settings.manage', null, null, adminOnly],
  ['users.manage', null, null, adminOnly],
  ['audit.view', null, null, adminOnly],
  ['newsletter.send', null, null, editors],
  ['subscribers.view', null, null, editors],
  ['subscribers.delete', null, null, editors],
  ['subscribers.export', null, null, adminOnly],
  ['events.manage', null, null, editors],
  ['registrations.view', null, null, editors],
  ['registrations.export', null, null, editors],
  ['podcast.manage', null, null, editors],
  ['press.manage', null, null, editors],
];

test('every action has at least one row in the matrix', () => {
  const covered = new Set(MATRIX.map(([action]) => action));
  assert.deepEqual(
    ACTIONS.filter((a) => !covered.has(a)),
    [],
  );
});

for (const [action, status, whose, expected] of MATRIX) {
  for (const role of ROLES) {
    const label = `${role} ${expected[role] ? 'may' : 'may not'} ${action}${status ? ` a ${status} publication` : ''}${whose ? ` (${whose})` : ''}`;
    test(label, () => {
      const target = status ? { ownerUserId: whose === 'own' ? ME : SOMEONE_ELSE, status } : undefined;
      assert.equal(can({ id: ME, role }, action, target), expected[role]);
    });
  }
}
