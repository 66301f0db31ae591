import type { Benefit, BenefitStatus, BenefitType } from '#shared/contracts/benefits.ts';
import { benefitStatuses, benefitTypes } from '#shared/contracts/benefits.ts';
import type { Messages } from '#web/i18n/messages.ts';
import type { BenefitBody, IndicatorBody } from './benefits.api.ts';

export interface BenefitValues {
  title: string;
  description: string;
  serviceArea: string;
  type: BenefitType | '';
  owner: string;
  responsible: string;
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
    responsible: benefit.responsible ?? '',
    plannedRealisationDate: benefit.plannedRealisationDate ?? '',
    status: benefit.status,
    taskIds: benefit.enablers.tasks.map((task) => task.id),
    decisionAreaIds: benefit.enablers.decisions.map((decision) => decision.solutionAreaId),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function benefitBodyOf(values: BenefitValues, m: Messages): { body?: BenefitBody; errors: Partial<Record<BenefitField, string>> } {
  const errors: Partial<Record<BenefitField, string>> = {};
  if (values.title.trim() === '') errors.title = m.benefits.form.titleRequired;
  if (!(benefitTypes as readonly string[]).includes(values.type)) errors.type = m.benefits.form.typeRequired;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    body: {
      title: values.title.trim(),
      description: orNull(values.description),
      serviceArea: orNull(values.serviceArea),
      type: values.type,
      owner: orNull(values.owner),
      responsible: orNull(values.responsible),
      plannedRealisationDate: values.plannedRealisationDate === '' ? null : values.plannedRealisationDate,
      status: benefitStatuses.includes(values.status) ? values.status : 'planned',
      taskIds: values.taskIds,
      decisionAreaIds: values.decisionAreaIds,
    },
  };
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
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.').replace('−', '-');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

export function indicatorBodyOf(values: IndicatorValues, m: Messages): { body?: IndicatorBody; errors: Partial<Record<IndicatorField, string>> } {
  const t = m.benefits.indicatorForm;
  const errors: Partial<Record<IndicatorField, string>> = {};
  if (values.name.trim() === '') errors.name = t.nameRequired;
  const baselineValue = parseNumber(values.baselineValue);
  const targetValue = parseNumber(values.targetValue);
  if (baselineValue === undefined) errors.baselineValue = t.numberRequired;
  if (targetValue === undefined) errors.targetValue = t.numberRequired;
  if (values.baselineDate === '') errors.baselineDate = t.dateRequired;
  if (values.targetDate === '') errors.targetDate = t.dateRequired;
  else if (values.baselineDate !== '' && values.targetDate < values.baselineDate) errors.targetDate = t.targetBeforeBaseline;
  if (values.direction === '') errors.direction = t.directionRequired;
  if (Object.keys(errors).length > 0 || baselineValue === undefined || targetValue === undefined || values.direction === '') return { errors };
  return {
    errors,
    body: {
      name: values.name.trim(),
      unit: values.unit.trim(),
      baselineValue,
      baselineDate: values.baselineDate,
      targetValue,
      targetDate: values.targetDate,
      direction: values.direction,
    },
  };
}
