#!/usr/bin/env node
// Part of `npm run check`: every installed package (from package-lock.json) must have a
// licence we can ship under AGPL-3.0-or-later and a pinned integrity hash, and no package
// may be installed in several versions unless that was reviewed. Reviewed exceptions live in
// scripts/dependency-review.json with the reason; an exception that no longer applies fails
// too, so the file stays true. `--update-duplicates` rewrites the reviewed duplicate list.
import { readFileSync, writeFileSync } from 'node:fs';

/** Licences compatible with distributing Dossier under AGPL-3.0-or-later. */
const ALLOWED = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'ISC',
  'LGPL-3.0-or-later',
  'MIT',
  'MIT-0',
  'MPL-2.0',
  'Python-2.0',
  'Unlicense',
  'Zlib',
  'AGPL-3.0-or-later',
]);

/** True when an SPDX expression (with AND / OR, parentheses) can be satisfied by ALLOWED. */
export function licenceAllowed(expression) {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let at = 0;
  const orExpr = () => {
    let ok = andExpr();
    while (tokens[at] === 'OR') {
      at++;
      ok = andExpr() || ok;
    }
    return ok;
  };
  const andExpr = () => {
    let ok = atom();
    while (tokens[at] === 'AND') {
      at++;
      ok = atom() && ok;
    }
    return ok;
  };
  const atom = () => {
    if (tokens[at] === '(') {
      at++;
      const ok = orExpr();
      at++;
      return ok;
    }
    return ALLOWED.has(tokens[at++]);
  };
  const ok = orExpr();
  return ok && at === tokens.length;
}

function installedPackages(lock) {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.link)
    .map(([path, entry]) => ({
      path,
      name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
      version: entry.version,
      licence: entry.license,
      integrity: entry.integrity,
    }));
}

function main() {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const reviewPath = 'scripts/dependency-review.json';
  const review = JSON.parse(readFileSync(reviewPath, 'utf8'));
  const packages = installedPackages(lock);
  const problems = [];

  for (const p of packages) {
    if (!/^sha512-/.test(p.integrity ?? '')) problems.push(`${p.path}: no sha512 integrity in the lockfile`);
    const exception = review.licenceExceptions[p.name];
    if (exception) continue;
    if (!p.licence) problems.push(`${p.name}@${p.version}: no licence declared`);
    else if (!licenceAllowed(p.licence)) problems.push(`${p.name}@${p.version}: licence "${p.licence}" is not allowed`);
  }
  const names = new Set(packages.map((p) => p.name));
  for (const name of Object.keys(review.licenceExceptions)) {
    if (!names.has(name)) problems.push(`licence exception for ${name}, which is no longer installed: remove it`);
  }

  const versions = new Map();
  for (const p of packages) versions.set(p.name, [...new Set([...(versions.get(p.name) ?? []), p.version])].sort());
  const duplicates = Object.fromEntries(
    [...versions].filter(([, v]) => v.length > 1).sort(([a], [b]) => a.localeCompare(b)),
  );
  if (process.argv.includes('--update-duplicates')) {
    review.reviewedDuplicates = duplicates;
    writeFileSync(reviewPath, `${JSON.stringify(review, null, 2)}\n`);
    console.log(`Recorded ${Object.keys(duplicates).length} duplicated packages in ${reviewPath}.`);
    return;
  }
  for (const [name, list] of Object.entries(duplicates)) {
    const reviewed = review.reviewedDuplicates[name];
    if (!reviewed || reviewed.join() !== list.join())
      problems.push(
        `${name} is installed as ${list.join(', ')}: dedupe it, or review and run npm run check:deps -- --update-duplicates`,
      );
  }
  for (const name of Object.keys(review.reviewedDuplicates)) {
    if (!duplicates[name])
      problems.push(`${name} is no longer duplicated: run npm run check:deps -- --update-duplicates`);
  }

  if (problems.length) {
    console.error(`Dependency check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(
    `Dependencies: ${packages.length} packages, licences allowed, integrity pinned, ${Object.keys(duplicates).length} reviewed duplicates.`,
  );
}

main();
