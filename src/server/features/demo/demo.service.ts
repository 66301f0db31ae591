import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import { createBenefit, createIndicator, recordMeasurement } from '#server/features/benefits/benefits.service.ts';
import { listTasks, updateTask } from '#server/features/plan/plan.tasks.service.ts';
import { saveDecision } from '#server/features/decisions/decisions.service.ts';
import { findCommonSolution, loadCommonSolutions } from '#server/features/common-solutions/common-solutions.domain.ts';
import { listItems } from '#server/features/inventory/inventory.service.ts';
import { importFile } from '#server/features/inventory-io/inventory-io.service.ts';
import { writeWorkbook, type DisplayRow } from '#server/features/inventory-io/inventory-workbook.ts';
import { createMerger } from '#server/features/mergers/mergers.service.ts';
import { createMitigation, createRisk, suggestions } from '#server/features/risks/risks.service.ts';
import { addMonths } from '#shared/calendar-dates.ts';
import { createBenefitBody, indicatorBody, measurementBody } from '#shared/contracts/benefits.ts';
import { listTasksQuery, updateTaskBody } from '#shared/contracts/plan.tasks.ts';
import { saveDecisionBody } from '#shared/contracts/decisions.ts';
import type { DemoMergerCreated } from '#shared/contracts/demo.ts';
import { inventoryKinds, type InventoryKindKey } from '#shared/contracts/inventory.ts';
import { createMergerBody } from '#shared/contracts/mergers.ts';
import { createMitigationBody, createRiskBody, type RiskSuggestion } from '#shared/contracts/risks.ts';
import {
  acceptedStarterRisks,
  demoArchives,
  demoBenefits,
  demoCooperation,
  demoDecisions,
  demoDigitalServices,
  demoInfrastructure,
  demoIntegrations,
  demoItOrganisation,
  demoMergerText,
  demoMunicipalities,
  demoOwnRisks,
  demoProducts,
  demoScale,
  demoTaskUpdates,
  type DemoMunicipality,
} from './demo.data.ts';
import { contractDates, demoMergerDate, firstRun, integrationsIn, productsOf } from './demo.domain.ts';
import { todayOf } from '#server/platform/clock.ts';

/**
 * Makes the demo merger through the same services the API uses, so every row
 * is validated and has its history, as if a person had typed it in. The whole
 * demo is one transaction: the services open theirs as savepoints inside it,
 * and a failure anywhere leaves no half-made demo behind.
 */
export async function createDemoMerger(ctx: ServiceContext): Promise<DemoMergerCreated> {
  const actor = actorOf(ctx);
  const today = todayOf(ctx);
  const mergerDate = demoMergerDate(today);
  return ctx.db.transaction(async (tx) => {
    const merger = await createMerger({ ...ctx, db: tx }, createMergerBody.parse({ ...demoMergerText, mergerDate, municipalities: demoMunicipalities }), {
      isDemo: true,
    });
    const mergerId = merger.id;
    // createMerger made the actor the owner; the services below check that membership as the access plugin would.
    const scoped: ServiceContext = { ...ctx, db: tx, actor, membership: { mergerId, role: 'owner' } };
    const counts = await importInventory(scoped, mergerId, merger.municipalities, mergerDate, today);
    const decisions = await decide(scoped, mergerId);
    const tasksUpdated = await progressTasks(scoped, mergerId, today);
    const risks = await assessRisks(scoped, mergerId, today);
    const benefits = await planBenefits(scoped, mergerId, today, mergerDate);
    return {
      merger,
      counts: { municipalities: merger.municipalities.length, ...counts, decisions, tasksUpdated, risks, benefits },
    };
  });
}

/**
 * The inventory goes in the way a municipality's own does: as a workbook
 * through the import, which checks every row and writes history for each. One
 * import of some 400 rows is a few bulk inserts; the same rows one by one
 * through the single-row service took seconds more.
 */
async function importInventory(
  ctx: ServiceContext,
  mergerId: string,
  municipalities: ReadonlyArray<{ number: string; name: string }>,
  mergerDate: string,
  today: string,
): Promise<{ systems: number; contracts: number; integrations: number; otherInventory: number }> {
  const register = loadCommonSolutions();
  const solutionName = (id: string) => findCommonSolution(register, id)!.name;
  const rows: Record<InventoryKindKey, DisplayRow[]> = {
    systems: [],
    digitalServices: [],
    contracts: [],
    integrations: [],
    archives: [],
    infrastructure: [],
    itOrganisation: [],
    intermunicipalCooperation: [],
  };
  const flag = (value: boolean | null) => (value === null ? null : value ? 'Ja' : 'Nei');
  for (const municipality of demoMunicipalities) {
    const municipalityName = municipalities.find((m) => m.number === municipality)!.name;
    const runs = productsOf(demoProducts, municipality);
    // The import refers to a municipality's systems by name; the demo's names are unique within each.
    const systemName = (key: string | undefined) => (key === undefined ? null : demoProducts.find((product) => product.key === key)!.name);
    for (const product of demoProducts) {
      const use = product.uses[municipality];
      if (!use) continue;
      rows.systems.push({
        municipalityNumber: municipality,
        name: product.name,
        vendor: product.vendor,
        product: product.product,
        productVersion: use.version ?? null,
        solutionAreaId: product.area,
        serviceArea: product.serviceArea,
        hosting: product.hosting,
        userCount: use.users,
        systemOwner: product.owner,
        archiveWorthy: flag(product.archiveWorthy),
      });
      if (product.contract && use.cost !== undefined) {
        rows.contracts.push({
          municipalityNumber: municipality,
          vendor: product.vendor,
          type: product.contract.type,
          subject: product.contract.subject,
          ...contractDates(mergerDate, today, use.end),
          noticePeriodMonths: product.contract.noticeMonths,
          changeClause: product.contract.changeClause,
          annualCost: use.cost,
          systemIds: product.name,
        });
      }
    }
    for (const integration of integrationsIn(demoIntegrations, runs)) {
      rows.integrations.push({
        municipalityNumber: municipality,
        fromSystemId: systemName(integration.from),
        toSystemId: 'product' in integration.to ? systemName(integration.to.product) : null,
        commonSolutionId: 'common' in integration.to ? solutionName(integration.to.common) : null,
        direction: integration.direction,
        method: integration.method,
      });
    }
    for (const { products, ...archive } of demoArchives(municipalityName)) {
      rows.archives.push({
        ...archive,
        noark5: flag(archive.noark5 ?? null),
        municipalityNumber: municipality,
        systemId: systemName(firstRun(products, runs)),
      });
    }
    for (const { products, ...service } of demoDigitalServices) {
      const system = systemName(firstRun(products, runs));
      if (system) rows.digitalServices.push({ ...service, municipalityNumber: municipality, systemId: system });
    }
    const size = demoScale[municipality] >= 1 ? 'large' : 'small';
    rows.infrastructure.push(...demoInfrastructure(municipalityName, size).map((row) => ({ ...row, municipalityNumber: municipality })));
    rows.itOrganisation.push(...demoItOrganisation(demoScale[municipality]).map((row) => ({ ...row, municipalityNumber: municipality })));
    rows.intermunicipalCooperation.push(...(demoCooperation[municipality] ?? []).map((row) => ({ ...row, municipalityNumber: municipality })));
  }
  const workbook = await writeWorkbook(
    { municipalities, areaLabels: [], commonSolutionNames: register.solutions.map((solution) => solution.name) },
    rows as Partial<Record<string, DisplayRow[]>>,
  );
  const result = await importFile(ctx, mergerId, workbook, { mode: 'commit' });
  const created = (kind: InventoryKindKey) => rows[kind].length;
  if (!result.committed) throw new Error(`the demo inventory did not import: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return {
    systems: created('systems'),
    contracts: created('contracts'),
    integrations: created('integrations'),
    otherInventory:
      created('archives') + created('digitalServices') + created('infrastructure') + created('itOrganisation') + created('intermunicipalCooperation'),
  };
}

/** The veivalg: the system to keep is the first municipality's (in merger order) that runs the product. */
async function decide(ctx: ServiceContext, mergerId: string): Promise<number> {
  const firstSystemOf = async (productKey: string) => {
    const product = demoProducts.find((candidate) => candidate.key === productKey)!;
    const municipality = demoMunicipalities.find((number) => product.uses[number] !== undefined) as DemoMunicipality;
    const { items } = await listSystems(ctx, mergerId, product.area);
    return items.find((item) => item.municipalityNumber === municipality && item.product === product.product && item.name === product.name)!.id;
  };
  for (const decision of demoDecisions) {
    await saveDecision(
      ctx,
      mergerId,
      decision.area,
      saveDecisionBody.parse({
        outcome: decision.outcome,
        targetSystemId: decision.keep ? await firstSystemOf(decision.keep) : null,
        timing: decision.timing,
        rationale: decision.rationale,
        state: decision.state,
        // An adopted veivalg is on record (decision 038): the demo's were made by the steering group today.
        ...(decision.state === 'adopted' ? { decisionMaker: 'steering_group', meetingDate: todayOf(ctx) } : {}),
      }),
    );
  }
  return demoDecisions.length;
}

async function listSystems(ctx: ServiceContext, mergerId: string, area: string) {
  return listItems(ctx, 'systems', mergerId, inventoryKinds.systems.listQuery.parse({ solutionArea: area, limit: 1000 }));
}

async function progressTasks(ctx: ServiceContext, mergerId: string, today: string): Promise<number> {
  const tasks = await listTasks(ctx, mergerId, listTasksQuery.parse({}));
  let updated = 0;
  for (const change of demoTaskUpdates) {
    for (const task of tasks.filter((candidate) => candidate.activityId === change.activityId)) {
      await updateTask(
        ctx,
        mergerId,
        task.id,
        updateTaskBody.parse({
          version: task.version,
          status: change.status,
          responsible: change.responsible,
          dueDate: change.dueInMonths === undefined ? undefined : addMonths(today, change.dueInMonths),
          notes: change.notes,
          notRelevantReason: change.notRelevantReason,
        }),
      );
      updated += 1;
    }
  }
  return updated;
}

/** A few of Samla's own starter suggestions, accepted as a person would (one of each kind first), and the demo's own risks. */
async function assessRisks(ctx: ServiceContext, mergerId: string, today: string): Promise<number> {
  const offered = (await suggestions(ctx, mergerId)).suggestions.filter((suggestion) => !suggestion.generic);
  const picked: RiskSuggestion[] = [];
  for (const suggestion of offered) {
    if (picked.length < acceptedStarterRisks && !picked.some((chosen) => chosen.kind === suggestion.kind)) picked.push(suggestion);
  }
  for (const suggestion of offered) {
    if (picked.length < acceptedStarterRisks && !picked.includes(suggestion)) picked.push(suggestion);
  }
  for (const [index, suggestion] of picked.entries()) {
    await createRisk(
      ctx,
      mergerId,
      createRiskBody.parse({
        title: suggestion.title,
        description: suggestion.description,
        cause: suggestion.cause,
        systemIds: suggestion.systemIds,
        areaIds: suggestion.areaIds,
        integrationIds: suggestion.integrationIds,
        consequences: suggestion.consequences,
        likelihood: 2 + (index % 3),
        owner: 'Prosjektleder digital sammenslåing',
        nextReviewDate: addMonths(today, 3),
        suggestionKey: suggestion.key,
      }),
    );
  }
  for (const risk of demoOwnRisks) {
    const created = await createRisk(
      ctx,
      mergerId,
      createRiskBody.parse({
        title: risk.title,
        description: risk.description,
        cause: risk.cause,
        areaIds: risk.areaIds ?? [],
        consequences: risk.consequences,
        likelihood: risk.likelihood,
        owner: risk.owner,
        status: risk.status,
        acceptanceReason: risk.acceptanceReason,
        nextReviewDate: addMonths(today, 3),
      }),
    );
    for (const mitigation of risk.mitigations ?? []) {
      await createMitigation(
        ctx,
        mergerId,
        created.id,
        createMitigationBody.parse({
          title: mitigation.title,
          owner: mitigation.owner,
          deadline: addMonths(today, mitigation.deadlineInMonths),
          status: mitigation.status,
        }),
      );
    }
  }
  return picked.length + demoOwnRisks.length;
}

async function planBenefits(ctx: ServiceContext, mergerId: string, today: string, mergerDate: string): Promise<number> {
  for (const benefit of demoBenefits) {
    const created = await createBenefit(
      ctx,
      mergerId,
      createBenefitBody.parse({
        title: benefit.title,
        description: benefit.description,
        serviceArea: benefit.serviceArea,
        type: benefit.type,
        owner: benefit.owner,
        responsible: benefit.responsible,
        plannedRealisationDate: addMonths(mergerDate, benefit.realisedInMonths),
        status: benefit.status,
        decisionAreaIds: benefit.decisionAreaIds,
      }),
    );
    const { indicator } = benefit;
    const firstMeasured = Math.max(...indicator.measurements.map((measurement) => measurement.monthsAgo));
    const withIndicator = await createIndicator(
      ctx,
      mergerId,
      created.benefit.id,
      indicatorBody.parse({
        name: indicator.name,
        unit: indicator.unit,
        baselineValue: indicator.baseline,
        baselineDate: addMonths(today, -firstMeasured),
        targetValue: indicator.target,
        targetDate: addMonths(mergerDate, benefit.realisedInMonths),
        direction: indicator.direction,
      }),
    );
    const indicatorId = withIndicator.indicators[0]!.id;
    for (const measurement of indicator.measurements) {
      await recordMeasurement(
        ctx,
        mergerId,
        created.benefit.id,
        indicatorId,
        measurementBody.parse({ measuredOn: addMonths(today, -measurement.monthsAgo), value: measurement.value, comment: measurement.comment }),
      );
    }
  }
  return demoBenefits.length;
}
