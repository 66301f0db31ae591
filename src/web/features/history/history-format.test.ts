import { describe, expect, it } from 'vitest';
import { createFormatters } from '#web/i18n/format.ts';
import { nb } from '#web/i18n/nb.ts';
import { entityName, fieldName, formatValue, type FormatContext } from './history-format.ts';

const context: FormatContext = {
  m: nb,
  fmt: createFormatters(nb.meta.intlLocale, nb.meta.timeAt),
  municipalityNames: new Map([
    ['3101', 'Halden'],
    ['3105', 'Sarpsborg'],
  ]),
};

describe('history values in words', () => {
  it('names the fields in Norwegian', () => {
    expect(fieldName('notRelevantReason', context)).toBe('Begrunnelse');
    expect(fieldName('dueDate', context)).toBe('Frist');
    expect(fieldName('role', context)).toBe('Rolle');
    expect(fieldName('somethingNew', context)).toBe('somethingNew');
  });

  it('translates statuses and roles, and formats dates', () => {
    expect(formatValue('status', 'not_started', context)).toBe('Ikke startet');
    expect(formatValue('status', 'in_progress', context)).toBe('Pågår');
    expect(formatValue('status', 'done', context)).toBe('Ferdig');
    expect(formatValue('status', 'not_relevant', context)).toBe('Ikke relevant');
    expect(formatValue('role', 'reader', context)).toBe('Leser (styringsgruppe, Fellesnemnda)');
    expect(formatValue('dueDate', '2028-03-01', context)).toBe('01.03.2028');
    expect(formatValue('mergerDate', '2028-01-01', context)).toBe('01.01.2028');
  });

  it('says «(tom)» for nothing, and keeps people’s text as it is', () => {
    expect(formatValue('responsible', null, context)).toBe('(tom)');
    expect(formatValue('notes', '<b>ikke html</b>', context)).toBe('<b>ikke html</b>');
  });

  it('names the municipalities', () => {
    expect(formatValue('municipalities', ['3101', '3105', '9999'], context)).toBe('Halden (3101), Sarpsborg (3105) og 9999');
  });

  it('says decisions in words', () => {
    expect(formatValue('outcome', 'continue', context)).toBe('Videreføre');
    expect(formatValue('state', 'adopted', context)).toBe('Vedtatt');
    expect(formatValue('timing', 'transition', context)).toBe('I overgangsfasen');
  });

  it('names the entity', () => {
    expect(entityName({ entity: 'task' }, context)).toBe('Oppgave');
    expect(entityName({ entity: 'decision' }, context)).toBe('Veivalg');
    // An entity the web has no name for yet keeps the API's word rather than vanishing.
    expect(entityName({ entity: 'widget' }, context)).toBe('widget');
  });
});
