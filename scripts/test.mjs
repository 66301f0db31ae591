#!/usr/bin/env node
// `npm test`: the linter, then every test. The domain, API and process tiers
// always; browser tests when a Chromium is found (CHROMIUM_PATH or
// /usr/bin/chromium). Without one it says so loudly, and with REQUIRE_E2E=1 a
// missing browser fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (args, env = {}) => spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const lint = spawnSync('npm', ['run', 'lint'], { stdio: 'inherit' }).status ?? 1;
if (lint !== 0) process.exit(lint);

// 'domain*' and 'api*': each tier has a project for the files that need a worker of their own (vitest.config.ts).
const tiers = run(['--project', 'domain*', '--project', 'api*', '--project', 'process']);
if (tiers !== 0) process.exit(tiers);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const banner = '!'.repeat(78);
  console.error(`\n${banner}\n!! BROWSER TESTS SKIPPED: no Chromium at ${chromium}.`);
  console.error('!! Install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  console.error(`${banner}\n`);
  process.exit(process.env.REQUIRE_E2E === '1' ? 1 : 0);
}

// The browser tests drive the built app, as a user gets it from `npm start`.
const build = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' }).status ?? 1;
if (build !== 0) process.exit(build);
process.exit(run(['--project', 'e2e'], { CHROMIUM_PATH: chromium }));
