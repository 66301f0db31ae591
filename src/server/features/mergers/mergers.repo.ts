import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { mergerMunicipalities, mergers } from '#server/platform/db/schema/index.ts';

export type MergerRow = typeof mergers.$inferSelect;
export type MergerMunicipalityRow = typeof mergerMunicipalities.$inferSelect;

export async function insertMerger(
  db: Database,
  values: Pick<MergerRow, 'name' | 'newMunicipalityName' | 'mergerDate' | 'catalogId' | 'catalogVersion'> & Partial<Pick<MergerRow, 'isDemo'>>,
  municipalities: Array<Pick<MergerMunicipalityRow, 'municipalityNumber' | 'name' | 'languageForm'>>,
): Promise<MergerRow> {
  const [row] = await db.insert(mergers).values(values).returning();
  if (!row) throw new Error('insert into mergers returned no row');
  await db.insert(mergerMunicipalities).values(municipalities.map((municipality, position) => ({ ...municipality, mergerId: row.id, position })));
  return row;
}

export async function findMerger(db: Database, id: string): Promise<MergerRow | undefined> {
  const [row] = await db.select().from(mergers).where(eq(mergers.id, id));
  return row;
}

export async function listMergers(db: Database, ids: string[]): Promise<MergerRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(mergers).where(inArray(mergers.id, ids)).orderBy(asc(mergers.mergerDate), desc(mergers.createdAt));
}

export async function listMunicipalitiesOf(db: Database, mergerIds: string[]): Promise<MergerMunicipalityRow[]> {
  if (mergerIds.length === 0) return [];
  return db
    .select()
    .from(mergerMunicipalities)
    .where(inArray(mergerMunicipalities.mergerId, mergerIds))
    .orderBy(asc(mergerMunicipalities.mergerId), asc(mergerMunicipalities.position));
}
