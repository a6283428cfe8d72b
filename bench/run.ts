// `npm run bench`: runs every bench/*.bench.ts in its own process (peak memory is per benchmark), in order.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const only = process.argv[2];
const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
if (files.length === 0) {
  process.stderr.write(`no benchmarks${only ? ` matching "${only}"` : ''} in bench/\n`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const res = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, file)], {
    stdio: 'inherit',
  });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
