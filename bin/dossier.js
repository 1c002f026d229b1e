#!/usr/bin/env node
// The `dossier` command. Sources are TypeScript, loaded through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
