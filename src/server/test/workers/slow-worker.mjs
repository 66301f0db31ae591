// A worker whose every task takes two seconds, so the queue in front of it can be filled.
export default async function runTask() {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return { ok: true, value: new Uint8Array([1, 2, 3]) };
}
