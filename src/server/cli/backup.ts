/** `npm run samla -- backup`: being built (issue 8). */
export async function run(_args: string[]): Promise<void> {
  throw new Error('Kommandoen «backup» er ikke ferdig ennå.');
}
