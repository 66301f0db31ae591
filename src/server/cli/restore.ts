/** `npm run samla -- restore`: being built (issue 8). */
export async function run(_args: string[]): Promise<void> {
  throw new Error('Kommandoen «restore» er ikke ferdig ennå.');
}
