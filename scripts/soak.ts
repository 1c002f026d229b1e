// `npm run soak [ROUNDS]`: kill -9 a SQLite writer ROUNDS times (default 100, or SOAK_ROUNDS)
// and check after each crash that the database is intact and no acknowledged write was lost.
// Prints one summary line; exits 1 on any failure.
import { runSoak } from '../test/support/sqlite-soak.js';

const rounds = Number(process.argv[2] ?? process.env.SOAK_ROUNDS ?? 100);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: npm run soak [ROUNDS]   (ROUNDS a whole number, default 100; or set SOAK_ROUNDS)');
  process.exit(2);
}
const summary = await runSoak({
  rounds,
  onRound: (round, acks) => process.stderr.write(`\r  round ${round}/${rounds}: ${acks} acknowledged   `),
});
process.stderr.write('\n');
for (const problem of summary.problems.slice(0, 20)) console.error(`  ${problem}`);
const ok = summary.problems.length === 0 && summary.lost === 0 && summary.torn === 0 && summary.integrity === 'ok';
console.log(
  `soak ${ok ? 'passed' : 'FAILED'}: ${summary.rounds} rounds of kill -9, ${summary.acknowledged} acknowledged writes, ` +
    `lost ${summary.lost}, torn ${summary.torn}, ${summary.unacknowledged} committed but unacknowledged, ` +
    `integrity ${summary.integrity} (SQLite WAL, synchronous=NORMAL) in ${summary.seconds.toFixed(1)} s`,
);
process.exitCode = ok ? 0 : 1;
