// A worker whose every task keeps allocating until its thread's heap limit ends it.
export default async function runTask() {
  const kept = [];
  for (;;) kept.push(new Array(100_000).fill({ kept: kept.length }));
}
