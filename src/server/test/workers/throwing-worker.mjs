// A worker whose every task fails as an unexpected error would (a bug in the renderer).
export default async function runTask() {
  throw new Error('the renderer failed on purpose (test)');
}
