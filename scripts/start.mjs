#!/usr/bin/env node
// `npm start`: runs the bundled server (scripts/build-server.mjs), rebuilding
// it first when a source file is newer, so a `git pull` without `npm ci`
// never starts yesterday's code.
import { buildServer, serverBundle, serverBundleIsStale } from './build-server.mjs';

stopWhenLauncherExits();
if (serverBundleIsStale()) await buildServer();
await import(serverBundle);

/**
 * npm does not pass SIGTERM on to the script it runs: `kill <npm's pid>` (what
 * a process manager does) ends npm and its shell and leaves Samla running
 * under PID 1, still serving and still holding the data folder's lock. So
 * this process watches its parent: when the launcher is gone (we have been
 * handed to another parent), it sends itself SIGTERM, and the server's own
 * graceful shutdown runs with its deadline. The timer is unref'd so it never
 * keeps the process alive. A service manager should run the built server
 * directly instead (README, «Drift som tjeneste»).
 */
function stopWhenLauncherExits() {
  const launcher = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === launcher) return;
    clearInterval(watch);
    console.error(`programmet som startet Samla (pid ${launcher}) har avsluttet; Samla stopper`);
    process.kill(process.pid, 'SIGTERM');
  }, 200);
  watch.unref();
}
