/** `npm run samla -- demo`: being built (issue 8). */
export async function run(_args: string[]): Promise<void> {
  throw new Error('Kommandoen «demo» er ikke ferdig ennå.');
}
