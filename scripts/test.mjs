// `npm test`: every check CI runs, in the order that fails fastest and most clearly.
// Plain Node, no dependencies, so it works straight after `npm ci` on a clean clone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

// Under CI the tools print non-interactive, non-watch output (no spinners or prompts)
// and Playwright forbids test.only. The caller's environment passes through and an
// explicit CI wins. Colour is left to each tool (CI log viewers render it).
const env = { ...process.env, CI: process.env.CI ?? 'true' };

const run = (cmd, args, extraEnv = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } }).status ?? 1;

// Playwright is pointed at Debian's Chromium (playwright.config.ts), not a downloaded one.
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error('Chromium is missing. Run: sudo apt-get install -y chromium');
    process.exit(1);
  }
  console.log(`\n== ${CHROMIUM} is missing: installing Debian's chromium ==`);
  const status = run('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
    DEBIAN_FRONTEND: 'noninteractive',
  });
  if (status !== 0 || !existsSync(CHROMIUM)) {
    console.error(`\nFAILED: installing chromium (${status !== 0 ? `exit ${status}` : `still no ${CHROMIUM}`})`);
    process.exit(1);
  }
}

// Cheap static checks first; the build must precede Playwright, whose web server
// (`vite preview`) only serves dist/ and never builds it.
const steps = [
  ['generated XAPI types up to date', 'npm', ['run', 'gen:xapi', '--', '--check']],
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['lint', 'npm', ['run', 'lint']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build', 'npm', ['run', 'build']],
  ['e2e tests', 'npx', ['playwright', 'test']],
];

const timings = [];
let failed;
for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')} ==`);
  const start = performance.now();
  const status = run(cmd, args);
  timings.push([name, (performance.now() - start) / 1000, status === 0 ? 'ok' : `FAILED (exit ${status})`]);
  if (status !== 0) {
    failed = name;
    break;
  }
}

console.log('\n== summary ==');
for (const [name, seconds, result] of timings) {
  console.log(`${name.padEnd(32)} ${`${seconds.toFixed(1)}s`.padStart(7)}  ${result}`);
}
const total = timings.reduce((sum, [, seconds]) => sum + seconds, 0);
console.log(`${'total'.padEnd(32)} ${`${total.toFixed(1)}s`.padStart(7)}`);

if (failed) {
  const skipped = steps.slice(timings.length).map(([name]) => name);
  if (skipped.length) console.log(`not run: ${skipped.join(', ')}`);
  console.error(`\nFAILED at step: ${failed}`);
  process.exit(1);
}
console.log('\nAll checks passed.');
