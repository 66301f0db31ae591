import type { z } from 'zod';
import { loadCatalog } from '#catalog/catalog.ts';
import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import type { Database } from '#server/platform/db/client.ts';
import { creationChanges, diffFields } from '#server/platform/audit-trail/changes.ts';
import { forgetMergerHistory, recordChange } from '#server/platform/audit-trail/audit-trail.ts';
import { permissionsOf } from '#server/platform/access/roles.ts';
import { addFounder, mergerIdsOf } from '#server/features/members/members.service.ts';
import { conflict, invalid, notFound, versionConflict, type LocalizedFieldProblem } from '#server/platform/errors.ts';
import { municipalityProblemMessages, municipalityRegister, registerProblemsAsFields } from '#server/features/municipalities/municipalities.service.ts';
import {
  addLibraryTasks,
  checklistProgress,
  countLibraryTasksToRetitle,
  progressByMerger,
  retitleLibraryTasks,
} from '#server/features/plan/plan.tasks.service.ts';
import { proposedDocumentLanguage } from '#shared/document-language.ts';
import { followMergerDate, mergerDateMoves } from '#server/features/plan/plan.schedule.service.ts';
import type {
  archiveMergerBody,
  createMergerBody,
  deleteMergerBody,
  Merger,
  MergerChangePreview,
  mergerChangePreviewBody,
  MergerDeletion,
  MergerDetail,
  MergerSummary,
  RemovedMunicipality,
  updateMergerBody,
} from '#shared/contracts/mergers.ts';
import { nbVocabulary } from '#shared/vocabulary/nb.ts';
import { nnVocabulary } from '#shared/vocabulary/nn.ts';
import { enVocabulary } from '#shared/vocabulary/en.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { mergerNotFoundMessage, requireMergerAccess } from '../../platform/access/merger-guard.ts';
import * as repo from './mergers.repo.ts';
import { todayOf } from '#server/platform/clock.ts';

function toMerger(row: repo.MergerRow, municipalities: repo.MergerMunicipalityRow[]): Merger {
  return {
    id: row.id,
    name: row.name,
    newMunicipalityName: row.newMunicipalityName,
    mergerDate: row.mergerDate,
    municipalities: municipalities.map((m) => ({
      number: m.municipalityNumber,
      name: m.name,
      languageForm: m.languageForm as Merger['municipalities'][number]['languageForm'],
    })),
    catalog: { id: row.catalogId, version: row.catalogVersion },
    createdAt: row.createdAt.toISOString(),
    isDemo: row.isDemo,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    documentLanguage: row.documentLanguage,
    version: row.version,
  };
}

/** `isDemo`: only the demo feature sets it, so the API's create body cannot mark a real merger as demo. */
export async function createMerger(ctx: ServiceContext, body: z.output<typeof createMergerBody>, options: { isDemo?: boolean } = {}): Promise<Merger> {
  const selection = registerProblemsAsFields(body.municipalities, todayOf(ctx));
  if (!selection.ok) {
    throw invalid(selection.code, selection.message, selection.problems);
  }
  const catalog = loadCatalog();
  const actor = actorOf(ctx);
  const { row, municipalities } = await ctx.db.transaction(async (tx) => {
    const municipalityRows = selection.municipalities.map((m) => ({
      municipalityNumber: m.number,
      name: m.name,
      languageForm: m.languageForm,
    }));
    const inserted = await repo.insertMerger(
      tx,
      {
        name: body.name,
        newMunicipalityName: body.newMunicipalityName,
        mergerDate: body.mergerDate,
        catalogId: catalog.id,
        catalogVersion: catalog.version,
        isDemo: options.isDemo ?? false,
        // Mixed or neutral municipalities give no proposal; the form asks, and an API client that did not say gets bokmål.
        documentLanguage: body.documentLanguage ?? proposedDocumentLanguage(selection.municipalities.map((m) => m.languageForm)) ?? 'nb',
      },
      municipalityRows,
    );
    await addLibraryTasks(tx, inserted.id, catalog);
    await addFounder(tx, inserted.id, actor.userId);
    await recordChange(tx, actor, {
      mergerId: inserted.id,
      entity: 'merger',
      entityId: inserted.id,
      entityLabel: inserted.name,
      action: 'create',
      changes: [
        ...creationChanges(inserted, ['name', 'newMunicipalityName', 'mergerDate', 'documentLanguage'] as const),
        ...(inserted.isDemo ? [{ field: 'isDemo', old: null, new: true }] : []),
        { field: 'municipalities', old: null, new: municipalityRows.map((m) => m.municipalityNumber) },
      ],
    });
    return { row: inserted, municipalities: await repo.listMunicipalitiesOf(tx, [inserted.id]) };
  });
  return toMerger(row, municipalities);
}

export async function listMergers(ctx: ServiceContext): Promise<MergerSummary[]> {
  // Only the mergers the user belongs to: membership is the whole visibility rule.
  const rows = await repo.listMergers(ctx.db, await mergerIdsOf(ctx.db, actorOf(ctx).userId));
  const ids = rows.map((row) => row.id);
  const [municipalities, progress] = await Promise.all([repo.listMunicipalitiesOf(ctx.db, ids), progressByMerger(ctx, ids)]);
  const municipalitiesByMerger = new Map<string, repo.MergerMunicipalityRow[]>();
  for (const m of municipalities) municipalitiesByMerger.set(m.mergerId, [...(municipalitiesByMerger.get(m.mergerId) ?? []), m]);
  return rows.map((row) => {
    const {
      id,
      name,
      newMunicipalityName,
      mergerDate,
      municipalities: picked,
      isDemo,
      archivedAt,
      version,
    } = toMerger(row, municipalitiesByMerger.get(row.id) ?? []);
    return { id, name, newMunicipalityName, mergerDate, municipalities: picked, isDemo, archivedAt, version, progress: progress.get(row.id)! };
  });
}

export async function getMerger(ctx: ServiceContext, mergerId: string): Promise<MergerDetail> {
  requireMergerAccess(ctx, mergerId);
  const [row, municipalities, progress] = await Promise.all([
    repo.findMerger(ctx.db, mergerId),
    repo.listMunicipalitiesOf(ctx.db, [mergerId]),
    checklistProgress(ctx, mergerId),
  ]);
  if (!row) throw notFound('MERGER_NOT_FOUND', mergerNotFoundMessage);
  const myRole = ctx.membership!.role;
  return { ...toMerger(row, municipalities), progress, myRole, myPermissions: permissionsOf(myRole, { archived: row.archivedAt !== null }) };
}

/** The municipalities of a merger in their order, for features that file content under one of them. */
export async function municipalitiesOfMerger(db: Database, mergerId: string): Promise<Array<{ number: string; name: string }>> {
  const rows = await repo.listMunicipalitiesOf(db, [mergerId]);
  return rows.map((row) => ({ number: row.municipalityNumber, name: row.name }));
}

/** The merger date, for features whose deadlines count from it. */
export async function mergerDateOf(db: Database, mergerId: string): Promise<string> {
  return (await mergerBasics(db, mergerId)).mergerDate;
}

/** Name and merger date, for features that label or count from them. */
export async function mergerBasics(db: Database, mergerId: string): Promise<{ name: string; mergerDate: string; documentLanguage: Language }> {
  const row = await repo.findMerger(db, mergerId);
  if (!row) throw notFound('MERGER_NOT_FOUND', mergerNotFoundMessage);
  return { name: row.name, mergerDate: row.mergerDate, documentLanguage: row.documentLanguage };
}

/** The merger's målform for what it produces (xlsx and CSV exports, documents), for features that write them. */
export async function documentLanguageOf(db: Database, mergerId: string): Promise<Language> {
  return (await mergerBasics(db, mergerId)).documentLanguage;
}

// ---------------------------------------------------------------- correcting, archiving, deleting (decision 033)

const mergerNotFound = () => notFound('MERGER_NOT_FOUND', mergerNotFoundMessage);
const theMerger: Localized = { nb: 'Sammenslåingen', nn: 'Samanslåinga', en: 'The merger' };
const vocabularies = { nb: nbVocabulary, nn: nnVocabulary, en: enVocabulary } as const;
/** A register's rows are named in a refusal when there are this many or fewer. */
const namesShownUpTo = 5;

interface MunicipalityChange {
  added: Array<{ municipalityNumber: string; name: string; languageForm: string }>;
  removed: repo.MergerMunicipalityRow[];
  after: string[];
}

/**
 * The new list against the one the merger has: the municipalities it keeps stay as they
 * were recorded (the register changes with each reform), added ones must be in today's
 * register, and at least two different ones remain. One field problem per wrong entry.
 */
function municipalityChange(current: readonly repo.MergerMunicipalityRow[], numbers: readonly string[] | undefined, today: string): MunicipalityChange | null {
  if (numbers === undefined) return null;
  const had = new Map(current.map((m) => [m.municipalityNumber, m]));
  const register = municipalityRegister(today).municipalities;
  const problems: LocalizedFieldProblem[] = [];
  const added: MunicipalityChange['added'] = [];
  const seen = new Set<string>();
  numbers.forEach((number, index) => {
    if (seen.has(number)) {
      problems.push({ path: `municipalities.${index}`, code: 'DUPLICATE_MUNICIPALITY', message: municipalityProblemMessages.duplicate(number) });
    } else if (!had.has(number)) {
      const found = register.find((m) => m.number === number);
      if (found) added.push({ municipalityNumber: found.number, name: found.name, languageForm: found.languageForm });
      else problems.push({ path: `municipalities.${index}`, code: 'UNKNOWN_MUNICIPALITY', message: municipalityProblemMessages.unknown(number) });
    }
    seen.add(number);
  });
  if (seen.size < 2) problems.unshift({ path: 'municipalities', code: 'TOO_FEW_MUNICIPALITIES', message: municipalityProblemMessages.tooFew });
  if (problems.length > 0) throw invalid(problems[0]!.code as 'TOO_FEW_MUNICIPALITIES', problems[0]!.message, problems);
  return {
    added,
    removed: current.filter((m) => !seen.has(m.municipalityNumber)),
    after: [...current.map((m) => m.municipalityNumber).filter((n) => seen.has(n)), ...added.map((m) => m.municipalityNumber)],
  };
}

async function inventoryOfRemoved(db: Database, mergerId: string, removed: readonly repo.MergerMunicipalityRow[]): Promise<RemovedMunicipality[]> {
  const result: RemovedMunicipality[] = [];
  for (const municipality of removed) {
    result.push({
      number: municipality.municipalityNumber,
      name: municipality.name,
      inventory: await repo.inventoryOfMunicipality(db, mergerId, municipality.municipalityNumber, namesShownUpTo),
    });
  }
  return result;
}

/** «Bergen: IKT-systemer 2 («Arkiv», «Lønn»), avtaler 1 («Visma»)» */
function inventoryText(removed: readonly RemovedMunicipality[], language: Language): string {
  return removed
    .map((municipality) => {
      const kinds = municipality.inventory.map((kind) => {
        const label = vocabularies[language].inventoryKind[kind.kind as keyof typeof nbVocabulary.inventoryKind] ?? kind.kind;
        const names = kind.names.length > 0 ? ` (${kind.names.map((name) => `«${name}»`).join(', ')})` : '';
        return `${label}: ${kind.count}${names}`;
      });
      return `${municipality.name}: ${kinds.join('; ')}`;
    })
    .join('. ');
}

/** Refuses removing municipalities whose systems other rows or veivalg still point at: those keys do not cascade. */
async function refuseWhileSystemsInUse(db: Database, mergerId: string, removed: readonly repo.MergerMunicipalityRow[]): Promise<void> {
  const references = await repo.referencesToSystemsOf(
    db,
    mergerId,
    removed.map((m) => m.municipalityNumber),
  );
  if (references.length === 0) return;
  const named = (language: Language) => {
    const areaNames = new Map(translatedCatalog(language).sectors.flatMap((sector) => sector.solutionAreas.map((area) => [area.id, area.name] as const)));
    const decision = { nb: 'veivalg for', nn: 'vegval for', en: 'decision for' }[language];
    return references
      .map((reference) =>
        reference.kind === 'decisions'
          ? `${decision} «${areaNames.get(reference.name) ?? reference.name}»`
          : `${vocabularies[language].inventoryKind[reference.kind as keyof typeof nbVocabulary.inventoryKind]}: «${reference.name}»`,
      )
      .join(', ');
  };
  const several = removed.length > 1;
  throw conflict(
    'MUNICIPALITY_SYSTEMS_IN_USE',
    {
      nb: `Systemer i kommunen${several ? 'e' : ''} som skal fjernes, brukes fortsatt av ${named('nb')}. Fjern eller endre disse først.`,
      nn: `System i kommun${several ? 'ane' : 'en'} som skal fjernast, blir framleis brukte av ${named('nn')}. Fjern eller endre desse først.`,
      en: `Systems in the municipalit${several ? 'ies' : 'y'} to be removed are still used by ${named('en')}. Remove or change these first.`,
    },
    { references },
  );
}

/** What the change would do: what the merger date moves, and what removed municipalities take with them. Reads only. */
export async function previewMergerChange(ctx: ServiceContext, mergerId: string, body: z.output<typeof mergerChangePreviewBody>): Promise<MergerChangePreview> {
  requireMergerAccess(ctx, mergerId);
  const [row, municipalities] = await Promise.all([repo.findMerger(ctx.db, mergerId), repo.listMunicipalitiesOf(ctx.db, [mergerId])]);
  if (!row) throw mergerNotFound();
  const change = municipalityChange(municipalities, body.municipalities, todayOf(ctx));
  if (change) await refuseWhileSystemsInUse(ctx.db, mergerId, change.removed);
  const moves = body.mergerDate !== undefined && body.mergerDate !== row.mergerDate ? await mergerDateMoves(ctx.db, mergerId, body.mergerDate) : null;
  return {
    mergerDate: moves && { before: row.mergerDate, after: body.mergerDate!, ...moves },
    addedMunicipalities: (change?.added ?? []).map((m) => ({
      number: m.municipalityNumber,
      name: m.name,
      languageForm: m.languageForm as Merger['municipalities'][number]['languageForm'],
    })),
    removedMunicipalities: change ? await inventoryOfRemoved(ctx.db, mergerId, change.removed) : [],
    documentLanguage:
      body.documentLanguage !== undefined && body.documentLanguage !== row.documentLanguage
        ? {
            before: row.documentLanguage,
            after: body.documentLanguage,
            libraryTasks: await countLibraryTasksToRetitle(ctx.db, mergerId, body.documentLanguage),
          }
        : null,
  };
}

const auditedMergerFields = ['name', 'newMunicipalityName', 'mergerDate', 'documentLanguage'] as const;

/**
 * Corrects the merger's basics, version-checked, in one transaction with what follows:
 * a new merger date moves the tasks that follow their phase (decision 030), a removed
 * municipality takes its inventory with it — only when `confirmRemoval` says so, if it has any.
 */
export async function updateMerger(ctx: ServiceContext, mergerId: string, body: z.output<typeof updateMergerBody>): Promise<Merger> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findMerger(tx, mergerId);
    if (!current) throw mergerNotFound();
    if (current.version !== body.version) throw versionConflict(theMerger, current.version);
    const municipalities = await repo.listMunicipalitiesOf(tx, [mergerId]);
    const change = municipalityChange(municipalities, body.municipalities, todayOf(ctx));
    let removedInventory: RemovedMunicipality[] = [];
    if (change && change.removed.length > 0) {
      await refuseWhileSystemsInUse(tx, mergerId, change.removed);
      removedInventory = (await inventoryOfRemoved(tx, mergerId, change.removed)).filter((m) => m.inventory.length > 0);
      if (removedInventory.length > 0 && body.confirmRemoval !== true) {
        throw conflict(
          'MUNICIPALITY_HAS_INVENTORY',
          {
            nb: `Kartleggingen til kommunene som fjernes, slettes med dem. ${inventoryText(removedInventory, 'nb')}. Bekreft for å fjerne dem likevel.`,
            nn: `Kartlegginga til kommunane som blir fjerna, blir sletta med dei. ${inventoryText(removedInventory, 'nn')}. Stadfest for å fjerne dei likevel.`,
            en: `The inventory of the municipalities being removed is deleted with them. ${inventoryText(removedInventory, 'en')}. Confirm to remove them anyway.`,
          },
          { municipalities: removedInventory },
        );
      }
    }
    const updated = await repo.updateMergerIfVersion(tx, mergerId, body.version, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.newMunicipalityName !== undefined ? { newMunicipalityName: body.newMunicipalityName } : {}),
      ...(body.mergerDate !== undefined ? { mergerDate: body.mergerDate } : {}),
      ...(body.documentLanguage !== undefined ? { documentLanguage: body.documentLanguage } : {}),
    });
    if (!updated) throw versionConflict(theMerger, null);
    // The library's tasks read in the merger's målform; the team's own tasks keep their words.
    if (updated.documentLanguage !== current.documentLanguage) await retitleLibraryTasks(tx, mergerId, updated.documentLanguage);
    if (change) {
      await repo.removeMunicipalities(
        tx,
        mergerId,
        change.removed.map((m) => m.municipalityNumber),
      );
      await repo.addMunicipalities(tx, mergerId, change.added);
    }
    await recordChange(tx, actor, {
      mergerId,
      entity: 'merger',
      entityId: mergerId,
      entityLabel: updated.name,
      action: 'update',
      changes: [
        ...diffFields(current, updated, auditedMergerFields),
        ...(change && (change.added.length > 0 || change.removed.length > 0)
          ? [{ field: 'municipalities', old: municipalities.map((m) => m.municipalityNumber), new: change.after }]
          : []),
        // The history is written once for every reader, in bokmål like the rest of it.
        ...(removedInventory.length > 0 ? [{ field: 'removedInventory', old: inventoryText(removedInventory, 'nb'), new: null }] : []),
      ],
    });
    // After the merger holds the new date, in the same transaction: the plan moves what follows it.
    if (updated.mergerDate !== current.mergerDate) await followMergerDate(tx, mergerId, updated.mergerDate, actor);
    return toMerger(updated, await repo.listMunicipalitiesOf(tx, [mergerId]));
  });
}

/** Archives (read-only for everyone) or reopens the merger. Asking for the state it has changes nothing. */
export async function setArchived(ctx: ServiceContext, mergerId: string, body: z.output<typeof archiveMergerBody>): Promise<Merger> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findMerger(tx, mergerId);
    if (!current) throw mergerNotFound();
    if (current.version !== body.version) throw versionConflict(theMerger, current.version);
    const wasArchived = current.archivedAt !== null;
    let row = current;
    if (wasArchived !== body.archived) {
      const updated = await repo.updateMergerIfVersion(tx, mergerId, body.version, { archivedAt: body.archived ? ctx.now() : null });
      if (!updated) throw versionConflict(theMerger, null);
      row = updated;
      await recordChange(tx, actor, {
        mergerId,
        entity: 'merger',
        entityId: mergerId,
        entityLabel: row.name,
        action: 'update',
        changes: [{ field: 'archived', old: wasArchived, new: body.archived }],
      });
    }
    return toMerger(row, await repo.listMunicipalitiesOf(tx, [mergerId]));
  });
}

/**
 * Deletes the merger with everything in it, its history too, once the caller has typed
 * its exact name; what went is kept in the instance's deletion log for administrators.
 */
export async function deleteMerger(ctx: ServiceContext, mergerId: string, body: z.output<typeof deleteMergerBody>): Promise<MergerDeletion> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findMerger(tx, mergerId);
    if (!current) throw mergerNotFound();
    if (body.name.trim() !== current.name.trim()) {
      const message: Localized = {
        nb: 'Navnet stemmer ikke med sammenslåingens navn. Skriv det nøyaktig slik det står.',
        nn: 'Namnet stemmer ikkje med namnet på samanslåinga. Skriv det nøyaktig slik det står.',
        en: 'The name does not match the merger’s name. Write it exactly as it is shown.',
      };
      throw invalid('MERGER_NAME_MISMATCH', message, [{ path: 'name', code: 'MERGER_NAME_MISMATCH', message }]);
    }
    const counts = await repo.countMergerContent(tx, mergerId);
    const logged = await repo.insertDeletion(tx, {
      mergerId,
      mergerName: current.name,
      isDemo: current.isDemo,
      deletedByUserId: actor.userId,
      deletedByName: actor.name,
      deletedAt: ctx.now(),
      counts,
    });
    await forgetMergerHistory(tx, mergerId);
    if (!(await repo.deleteMerger(tx, mergerId))) throw mergerNotFound();
    return toDeletion(logged);
  });
}

function toDeletion(row: repo.MergerDeletionRow): MergerDeletion {
  return {
    id: row.id,
    mergerId: row.mergerId,
    mergerName: row.mergerName,
    isDemo: row.isDemo,
    deletedBy: { userId: row.deletedByUserId, name: row.deletedByName },
    deletedAt: row.deletedAt.toISOString(),
    counts: row.counts,
  };
}

/** The instance's deletion log, newest first; the route lets administrators only. */
export async function listDeletions(ctx: ServiceContext): Promise<MergerDeletion[]> {
  return (await repo.listDeletions(ctx.db)).map(toDeletion);
}
