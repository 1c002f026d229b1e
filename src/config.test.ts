import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('defaults to SQLite under ./data on port 3000', () => {
    const config = parseConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.match(config.dataDir, /\/data$/);
    assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
  });

  it('lists every invalid variable in one error', () => {
    assert.throws(
      () => parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PUBLIC_URL: 'example.org', SEED_DEMO: 'maybe' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 4);
        assert.match(error.message, /PORT="eighty": must be a number/);
        assert.match(error.message, /DATABASE_URL="mysql:\/\/x": must be a postgres:\/\/ URL/);
        assert.match(error.message, /PUBLIC_URL/);
        assert.match(error.message, /SEED_DEMO/);
        return true;
      },
    );
  });

  it('accepts a PostgreSQL URL', () => {
    assert.equal(parseConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl, 'postgres://u@h/db');
  });
});
