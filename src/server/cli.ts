// `npm run samla -- <command> [arguments]`: operations on Samla's database
// from the command line. Each command lives in its own module under cli/ and
// opens the database itself, so the embedded database's lock applies: a
// command refuses to run while a Samla server holds the data folder.
const commands: Record<string, { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<void> }> }> = {
  backup: {
    summary: 'backup <fil> [--force]  sikkerhetskopi av databasen til en fil (--force erstatter en fil som finnes)',
    load: () => import('./cli/backup.ts'),
  },
  restore: { summary: 'restore <fil> [--overwrite]  gjenoppretter databasen fra en sikkerhetskopi', load: () => import('./cli/restore.ts') },
  demo: { summary: 'demo             oppretter en demosammenslåing med tre kommuner', load: () => import('./cli/demo.ts') },
};

function usage(): string {
  return ['Bruk: npm run samla -- <kommando>', '', 'Kommandoer:', ...Object.values(commands).map((c) => `  ${c.summary}`)].join('\n');
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(name ? `Ukjent kommando «${name}».\n\n${usage()}` : usage());
  process.exit(2);
}
try {
  await (await command.load()).run(args);
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
