// The worker threads' entry when Samla runs from its sources (npm run dev,
// the tests): a worker gets neither vitest's transform nor, reliably, the
// parent's --import tsx, so it registers tsx itself before it imports the
// TypeScript tasks. The bundle (npm start) uses dist/server/worker-tasks.mjs
// instead (worker-pool.ts chooses). No top-level await: piscina may load
// this file with require().
import { register } from 'tsx/esm/api';

register();
const tasks = import('./worker-tasks.ts');
// A failed import is reported to the first task, not as an unhandled rejection.
tasks.catch(() => {});

export default async function runTask(message) {
  return (await tasks).default(message);
}
