import type { Benefit, BenefitStatus, BenefitType } from '#shared/contracts/benefits.ts';
import { benefitStatuses, createBenefitBody, indicatorBody } from '#shared/contracts/benefits.ts';
import type { Messages } from '#web/i18n/messages.ts';
import { checkForm } from '#web/lib/form-validation.ts';
import { responsibleBody } from '#web/features/members/responsible.ts';
import type { BenefitBody, IndicatorBody } from './benefits.api.ts';

export interface BenefitValues {
  title: string;
  description: string;
  serviceArea: string;
  type: BenefitType | '';
  owner: string;
  /** The name shown: a member's (picked) or typed for someone outside Samla. */
  responsible: string;
  /** The member picked; '' for a typed name. */
  responsibleUserId: string;
  plannedRealisationDate: string;
  status: BenefitStatus;
  taskIds: string[];
  decisionAreaIds: string[];
}

export const benefitFields = [
  'title',
  'description',
  'serviceArea',
  'type',
  'owner',
  'responsible',
  'plannedRealisationDate',
  'status',
  'taskIds',
  'decisionAreaIds',
] as const;
export type BenefitField = (typeof benefitFields)[number];

export const emptyBenefit: BenefitValues = {
  title: '',
  description: '',
  serviceArea: '',
  type: '',
  owner: '',
  responsible: '',
  responsibleUserId: '',
  plannedRealisationDate: '',
  status: 'planned',
  taskIds: [],
  decisionAreaIds: [],
};

export function benefitValuesOf(benefit: Benefit): BenefitValues {
  return {
    title: benefit.title,
    description: benefit.description ?? '',
    serviceArea: benefit.serviceArea ?? '',
    type: benefit.type,
    owner: benefit.owner ?? '',
    responsible: benefit.responsibleName ?? '',
    responsibleUserId: benefit.responsibleUserId ?? '',
    plannedRealisationDate: benefit.plannedRealisationDate ?? '',
    status: benefit.status,
    taskIds: benefit.enablers.tasks.map((task) => task.id),
    decisionAreaIds: benefit.enablers.decisions.map((decision) => decision.solutionAreaId),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The body the form sends and what is wrong with it: the contract checks it, in the form's words. */
export function benefitBodyOf(values: BenefitValues, m: Messages): { body?: BenefitBody; errors: Partial<Record<BenefitField, string>> } {
  const body = {
    title: values.title.trim(),
    description: orNull(values.description),
    serviceArea: orNull(values.serviceArea),
    // Nothing chosen ('') goes to the contract as it is, which refuses it.
    type: values.type as BenefitType,
    owner: orNull(values.owner),
    ...responsibleBody({ text: values.responsible, userId: values.responsibleUserId }),
    plannedRealisationDate: values.plannedRealisationDate === '' ? null : values.plannedRealisationDate,
    status: benefitStatuses.includes(values.status) ? values.status : 'planned',
    taskIds: values.taskIds,
    decisionAreaIds: values.decisionAreaIds,
  };
  const t = m.benefits.form;
  const { errors } = checkForm(createBenefitBody, body, benefitFields, { title: { required: t.titleRequired }, type: t.typeRequired }, m);
  return Object.keys(errors).length > 0 ? { errors } : { errors, body };
}

export interface IndicatorValues {
  name: string;
  unit: string;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  direction: 'higher' | 'lower' | '';
}
export const indicatorFields = ['name', 'unit', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate', 'direction'] as const;
export type IndicatorField = (typeof indicatorFields)[number];
export const emptyIndicator: IndicatorValues = {
  name: '',
  unit: '',
  baselineValue: '',
  baselineDate: '',
  targetValue: '',
  targetDate: '',
  direction: 'higher',
};

/** «12,5», «12.5», «1 200» and «-3» are numbers; anything else is not. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.')
    .replace('−', '-');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

export function indicatorBodyOf(values: IndicatorValues, m: Messages): { body?: IndicatorBody; errors: Partial<Record<IndicatorField, string>> } {
  const t = m.benefits.indicatorForm;
  const body: IndicatorBody = {
    name: values.name.trim(),
    unit: values.unit.trim(),
    // A text that is not a number goes as NaN, which the contract refuses as «not a number».
    baselineValue: parseNumber(values.baselineValue) ?? Number.NaN,
    baselineDate: values.baselineDate,
    targetValue: parseNumber(values.targetValue) ?? Number.NaN,
    targetDate: values.targetDate,
    direction: values.direction as IndicatorBody['direction'],
  };
  const rules: Partial<Record<IndicatorField, string>> =
    values.baselineDate !== '' && values.targetDate !== '' && values.targetDate < values.baselineDate ? { targetDate: t.targetBeforeBaseline } : {};
  const { errors } = checkForm(
    indicatorBody,
    body,
    indicatorFields,
    {
      name: { required: t.nameRequired },
      baselineValue: t.numberRequired,
      targetValue: t.numberRequired,
      baselineDate: t.dateRequired,
      targetDate: t.dateRequired,
      direction: t.directionRequired,
    },
    m,
    rules,
  );
  return Object.keys(errors).length > 0 ? { errors } : { errors, body };
}
