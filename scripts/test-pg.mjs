#!/usr/bin/env node
// `npm run test:pg`: the database tests against a real PostgreSQL server. It
// creates a throwaway cluster with initdb in a temporary folder, starts it on
// a free loopback port, runs the tiers that use a database (api and process)
// with DATABASE_URL pointing at it, and stops and removes the cluster
// afterwards, whatever happened.
import { spawnSync } from 'node:child_process';
import { missingBinariesMessage, startCluster } from './pg-cluster.mjs';

const missing = missingBinariesMessage('test:pg');
if (missing) {
  console.error(missing);
  process.exit(1);
}

let cluster;
let status = 1;
try {
  cluster = await startCluster();
  console.log(`test:pg: ${cluster.version} on 127.0.0.1:${cluster.port} (${cluster.dataDir})`);
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'api*', '--project', 'process', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: cluster.url },
  });
  status = result.status ?? 1;
} catch (error) {
  console.error('test:pg could not start PostgreSQL:', error.stderr?.toString() ?? error.message);
  if (error.serverLog) console.error(error.serverLog);
} finally {
  cluster?.stop();
}
process.exit(status);
