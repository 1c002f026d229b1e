import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSoak } from './support/sqlite-soak.js';

// SQLite only: PostgreSQL's durability is the server's, not this process's (see T14).
describe('SQLite under kill -9 during writes', () => {
  it('keeps every acknowledged write, intact, and passes integrity_check after each crash', async (t) => {
    const summary = await runSoak({ rounds: 10 });
    t.diagnostic(
      `${summary.rounds} rounds, ${summary.acknowledged} acknowledged writes, ${summary.unacknowledged} ` +
        `committed but unacknowledged, ${summary.seconds.toFixed(1)} s`,
    );
    assert.deepEqual(summary.problems, []);
    assert.equal(summary.integrity, 'ok');
    assert.equal(summary.lost, 0);
    assert.equal(summary.torn, 0);
    assert.equal(summary.rounds, 10);
    assert.ok(summary.acknowledged >= 10, `writes were made (${summary.acknowledged})`);
  });
});
