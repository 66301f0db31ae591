#!/usr/bin/env node
// `npm start`: runs the bundled server (scripts/build-server.mjs), rebuilding
// it first when a source file is newer, so a `git pull` without `npm ci`
// never starts yesterday's code.
import { buildServer, serverBundle, serverBundleIsStale } from './build-server.mjs';

if (serverBundleIsStale()) await buildServer();
await import(serverBundle);
