import { readConfig } from '#server/config.ts';
import { openDatabase } from '#server/platform/db/client.ts';
import { ensureInitialAdministrator, firstAdministrator } from '#server/features/auth/auth.service.ts';
import { keepReferenceNames } from '#server/features/audit/audit.service.ts';
import { createDemoMerger } from '#server/features/demo/demo.service.ts';
import { useReferenceNames } from '#server/platform/audit-trail/audit-trail.ts';
import { systemClock } from '#server/platform/clock.ts';
import { plural } from '#shared/plural.ts';

/**
 * `npm run samla -- demo`: a demo merger in the configured database, owned by
 * the first administrator. Opening the database takes the embedded
 * database's lock, so the command refuses while a Samla server holds it.
 */
export async function run(args: string[]): Promise<void> {
  if (args.length > 0) throw new Error(`Kommandoen «demo» tar ingen argumenter (fikk ${args.join(' ')}).`);
  const config = readConfig();
  useReferenceNames(keepReferenceNames);
  const database = await openDatabase(config.database);
  try {
    // A fresh instance with SAMLA_ADMIN_* set gets its administrator now, exactly as `npm start` would make it.
    if (config.auth.initialAdministrator) await ensureInitialAdministrator(database.db, config.auth.initialAdministrator);
    const owner = await firstAdministrator(database.db);
    if (!owner) {
      throw new Error(
        'Samla har ingen administrator ennå, og demosammenslåingen må ha en eier. ' +
          'Start Samla (npm start) og opprett administratoren med oppsettkoden fra loggen, ' +
          'eller sett SAMLA_ADMIN_EMAIL og SAMLA_ADMIN_PASSWORD, og kjør kommandoen igjen. ' +
          'Innloggede brukere kan også lage en selv med knappen «Prøv Samla med en demosammenslåing».',
      );
    }
    const { merger, counts } = await createDemoMerger({ db: database.db, now: systemClock, actor: owner });
    console.log(`Opprettet «${merger.name}» (${merger.municipalities.map((m) => m.name).join(', ')}), sammenslåing ${merger.mergerDate}.`);
    console.log(
      `${plural(counts.systems, 'system', 'systemer')}, ${plural(counts.contracts, 'avtale', 'avtaler')}, ${plural(counts.integrations, 'integrasjon', 'integrasjoner')}, ` +
        `${plural(counts.decisions, 'veivalg', 'veivalg')}, ${plural(counts.risks, 'risiko', 'risikoer')} og ${plural(counts.benefits, 'gevinst', 'gevinster')}.`,
    );
    console.log(`Eier: ${owner.name} (${owner.email}).`);
    console.log(`Åpne: /sammenslainger/${merger.id}`);
  } finally {
    await database.close();
  }
}
