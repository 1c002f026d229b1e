import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foreignKeyOrder, type TableInfo } from './schema-info.js';
import { canonicalLine } from './table-dump.js';

const table = (name: string, refs: string[]): TableInfo => ({
  name,
  columns: ['id'],
  primaryKey: ['id'],
  textKeys: new Set(),
  foreignKeys: refs.map((t) => ({ columns: [`${t}_id`], table: t })),
  serialColumn: 'id',
});

describe('canonicalLine', () => {
  it('sorts keys, so column order on either engine gives the same bytes', () => {
    assert.equal(canonicalLine('t', { b: 1, a: 'א', c: null }, ['b', 'a', 'c']), '{"a":"א","b":1,"c":null}');
    assert.equal(canonicalLine('t', { a: 1, b: 2 }, ['b', 'a']), canonicalLine('t', { b: 2, a: 1 }, ['a', 'b']));
  });

  it('refuses values a backup could not restore as they were', () => {
    assert.throws(() => canonicalLine('t', { a: Buffer.from('x') }, ['a']), /t\.a holds a value of type object/);
    assert.throws(() => canonicalLine('t', {}, ['a']), /t\.a holds a value of type undefined/);
    assert.throws(() => canonicalLine('t', { a: Number.NaN }, ['a']), /t\.a/);
  });
});

describe('foreignKeyOrder', () => {
  it('puts every table after the tables it references, alphabetically otherwise', () => {
    const order = foreignKeyOrder([
      table('publication_topics', ['publications', 'topics']),
      table('topics', ['topics']),
      table('publications', ['media']),
      table('media', []),
      table('audit_log', []),
    ]).map((t) => t.name);
    assert.deepEqual(order, ['audit_log', 'media', 'publications', 'topics', 'publication_topics']);
  });

  it('names a cycle it cannot order', () => {
    assert.throws(() => foreignKeyOrder([table('a', ['b']), table('b', ['a'])]), /cycle: a → b → a/);
  });
});
