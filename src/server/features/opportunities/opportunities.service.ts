import type { z } from 'zod';
import { loadCatalog } from '#catalog/catalog.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import { errorMessages } from '#shared/error-messages.ts';
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import { conflict, isUniqueViolation, notFound } from '#server/platform/errors.ts';
import { benefitsOfOpportunities, insertBenefitWithHistory } from '#server/features/benefits/benefits.service.ts';
import { addTask, requireActivity, tasksOfLibraryItems } from '#server/features/plan/plan.tasks.service.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import type { Opportunities, opportunitiesQuery, TakeUp, takeUpBody } from '#shared/contracts/opportunities.ts';
import { defaultActivities, defaultActivityFor, filterOpportunities } from './opportunities.domain.ts';

function allOpportunities() {
  return loadCatalog().opportunities.areas;
}

/** The library's title of an opportunity in every language (the library has Samla's translations). */
function titlesOf(opportunityId: string): Localized {
  const titleIn = (language: Language) =>
    translatedCatalog(language)
      .opportunities.areas.flatMap((area) => area.opportunities)
      .find((candidate) => candidate.id === opportunityId)?.title ?? '';
  return { nb: titleIn('nb'), nn: titleIn('nn'), en: titleIn('en') };
}

function findOpportunity(opportunityId: string) {
  for (const area of allOpportunities()) {
    const opportunity = area.opportunities.find((candidate) => candidate.id === opportunityId);
    if (opportunity) return { area, opportunity };
  }
  throw notFound('OPPORTUNITY_NOT_FOUND', errorMessages.OPPORTUNITY_NOT_FOUND);
}

export async function listOpportunities(ctx: ServiceContext, mergerId: string, query: z.output<typeof opportunitiesQuery>): Promise<Opportunities> {
  requireMergerAccess(ctx, mergerId);
  // The library's areas, opportunities and activities in the reader's language (decision 041);
  // a task already taken up keeps its title in the merger's målform.
  const catalog = translatedCatalog(ctx.language ?? 'nb');
  const areas = filterOpportunities(catalog.opportunities.areas, { area: query.area, lowHangingFruit: query.lowHangingFruit });
  const ids = areas.flatMap((area) => area.opportunities.map((opportunity) => opportunity.id));
  const [tasks, benefits] = await Promise.all([tasksOfLibraryItems(ctx.db, mergerId, ids), benefitsOfOpportunities(ctx.db, mergerId, ids)]);
  const taskOf = new Map(tasks.map((task) => [task.catalogItemId!, task]));
  return {
    areas: areas.map((area) => ({
      id: area.id,
      name: area.name,
      opportunities: area.opportunities.map((opportunity) => {
        const task = taskOf.get(opportunity.id);
        return {
          id: opportunity.id,
          title: opportunity.title,
          lowHangingFruit: opportunity.lowHangingFruit,
          takenUp: task
            ? {
                task: { id: task.id, title: task.title },
                benefits: benefits.filter((b) => b.opportunityId === opportunity.id).map(({ id, title }) => ({ id, title })),
              }
            : null,
        };
      }),
    })),
    allAreas: catalog.opportunities.areas.map((area) => ({ id: area.id, name: area.name })),
    activities: catalog.phases.flatMap((phase) => phase.activities.map((activity) => ({ id: activity.id, title: activity.title, phase: phase.number }))),
    defaultActivity: { ...defaultActivities },
  };
}

/**
 * «Legg til i planen»: the opportunity becomes a task of the merger (its library id as
 * catalogItemId, so the plan shows where it came from) and, if asked, a benefit with the
 * task and the opportunity as enablers. One transaction: both or neither.
 */
export async function takeUp(ctx: ServiceContext, mergerId: string, opportunityId: string, body: z.output<typeof takeUpBody>): Promise<TakeUp> {
  requireMergerAccess(ctx, mergerId);
  const { opportunity } = findOpportunity(opportunityId);
  const activityId = body.activityId ?? defaultActivityFor(opportunity);
  requireActivity(activityId);
  const actor = actorOf(ctx);
  const takeUp = ctx.db.transaction(async (tx) => {
    const [existing] = await tasksOfLibraryItems(tx, mergerId, [opportunityId]);
    if (existing) {
      const title = titlesOf(opportunity.id);
      // The task's title is the team's (they may have renamed it), so it is never translated.
      throw conflict(
        'OPPORTUNITY_ALREADY_TAKEN_UP',
        {
          nb: `«${title.nb}» er allerede lagt til i planen som oppgaven «${existing.title}».`,
          nn: `«${title.nn}» er alt lagd til i planen som oppgåva «${existing.title}».`,
          en: `“${title.en}” has already been added to the plan as the task “${existing.title}”.`,
        },
        { taskId: existing.id },
      );
    }
    const task = await addTask(tx, actor, mergerId, { activityId, catalogItemId: opportunity.id, title: opportunity.title });
    let benefit: TakeUp['benefit'] = null;
    if (body.createBenefit) {
      const created = await insertBenefitWithHistory(tx, actor, mergerId, {
        // The task's title: the opportunity in the merger's målform (decision 040).
        title: task.title,
        type: body.benefitType,
        status: 'planned',
        taskIds: [task.id],
        decisionAreaIds: [],
        opportunityIds: [opportunity.id],
      });
      benefit = { id: created.id, title: created.title };
    }
    return { opportunityId, task: { id: task.id, title: task.title, activityId }, benefit };
  });
  // Someone else took it up between our check and our write: the unique index on the plan says so.
  return takeUp.catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      const title = titlesOf(opportunity.id);
      throw conflict('OPPORTUNITY_ALREADY_TAKEN_UP', {
        nb: `«${title.nb}» er allerede lagt til i planen.`,
        nn: `«${title.nn}» er alt lagd til i planen.`,
        en: `“${title.en}” has already been added to the plan.`,
      });
    }
    throw error;
  });
}
