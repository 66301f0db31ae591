/**
 * Every entity and field any service writes to history has a name in bokmål,
 * nynorsk and English and a way to be read in each. The services are read as source: each call of
 * recordChange/recordChanges, the entity it names, and every field it can
 * record (field lists passed to diffFields/creationChanges/deletionChanges,
 * the `audited…Fields` lists they use, and `{ field: '…' }` written out). A
 * field added to a service without a label here fails this test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inventoryKinds } from '#shared/contracts/inventory.ts';
import { languages } from '#shared/language.ts';
import { kindDefinitions } from '#server/features/inventory/inventory.kinds.ts';
import { historyEntities as filterEntities } from '#web/lib/history-filters.ts';
import { entitySpec, fieldSpec, historyEntities, presentValue, type ValueKind } from './audit.presentation.ts';

const featuresDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !full.includes(`${path.sep}audit${path.sep}`) ? [full] : [];
  });
}

/** The text of a call from its opening parenthesis to the matching closing one. */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

const strings = (text: string) => [...text.matchAll(/'([A-Za-z]\w*)'/g)].map((match) => match[1]!);

/** `const auditedXFields = [ 'a', 'b' ]` in a file, by name. */
function fieldLists(source: string): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const match of source.matchAll(/const (audited\w*Fields)\s*=\s*\[([^\]]*)\]/g)) lists.set(match[1]!, strings(match[2]!));
  return lists;
}

/** Fields in a piece of source: `field: 'x'`, the last array given to the diff helpers, and any audited…Fields list named. */
function fieldsIn(text: string, lists: ReadonlyMap<string, string[]>): string[] {
  const fields = [...text.matchAll(/field:\s*'(\w+)'/g)].map((match) => match[1]!);
  for (const match of text.matchAll(/(?:diffFields|creationChanges|deletionChanges)\s*\(/g)) {
    const call = callText(text, match.index + match[0].length - 1);
    const lastArray = /\[([^[\]]*)\]\s*(?:as const\s*)?\)$/.exec(call.replace(/\s+/g, ' '));
    if (lastArray) fields.push(...strings(lastArray[1]!));
  }
  for (const [name, list] of lists) if (new RegExp(`\\b${name}\\b`).test(text)) fields.push(...list);
  return fields;
}

interface Recorded {
  file: string;
  entity: string;
  field: string;
}

function recordedFields(): { recorded: Recorded[]; callsWithoutEntity: string[] } {
  const recorded: Recorded[] = [];
  const callsWithoutEntity: string[] = [];
  for (const file of sourceFiles(featuresDir)) {
    const source = fs.readFileSync(file, 'utf8');
    if (!/\brecordChanges?\s*\(/.test(source)) continue;
    const lists = fieldLists(source);
    const name = path.relative(featuresDir, file);
    const fileEntities = new Set<string>();
    for (const match of source.matchAll(/\brecordChanges?\s*\((?!\s*db: Database)/g)) {
      if (source.slice(Math.max(0, match.index - 20), match.index).includes('function')) continue;
      const call = callText(source, match.index + match[0].length - 1);
      const entities = [...call.matchAll(/entity:\s*'(\w+)'/g)].map((m) => m[1]!);
      if (entities.length === 0) {
        callsWithoutEntity.push(name);
        continue;
      }
      entities.forEach((entity) => fileEntities.add(entity));
      for (const entity of entities) for (const field of fieldsIn(call, lists)) recorded.push({ file: name, entity, field });
    }
    // Changes built before the call (`const changes = diffFields(…)`): each must be known to one of the file's entities.
    for (const field of fieldsIn(source, lists)) {
      if (![...fileEntities].some((entity) => fieldSpec(entity, field))) recorded.push({ file: name, entity: [...fileEntities].join('|') || '?', field });
    }
  }
  return { recorded, callsWithoutEntity };
}

/** Values of the shapes a field of this kind holds, to show none of them reads as code. */
function samples(value: ValueKind): unknown[] {
  switch (value.kind) {
    case 'date':
      return ['2028-01-01'];
    case 'number':
    case 'year':
    case 'phase':
      return [3, 2.5];
    case 'boolean':
      return [true, false];
    case 'choice':
      return Object.keys(value.labels.nb);
    case 'reference': {
      const id = value.target === 'municipality' ? '3101' : '00000000-0000-4000-8000-000000000001';
      return value.many ? [[id]] : [id];
    }
    case 'consequences':
      return [{ economy: 3, reputation: 2, lifeHealth: null }];
    case 'matrix':
      return [
        {
          likelihood: [{ name: 'Lav', description: '' }],
          consequence: [{ name: 'Liten', description: '' }],
          classes: [{ key: 'low', name: 'Lav', color: '#00aa00' }],
          grid: [['low']],
        },
      ];
    case 'names':
      return [['Oppgave A', 'Oppgave B'], 'En begrunnelse'];
    case 'text':
      return ['Fritekst'];
  }
}

describe('history names every entity and field the services record', () => {
  const { recorded, callsWithoutEntity } = recordedFields();

  it('finds the services’ history calls (the scan itself works)', () => {
    expect(recorded.length).toBeGreaterThan(50);
    const entities = new Set(recorded.map((entry) => entry.entity));
    for (const entity of [
      'task',
      'merger',
      'member',
      'decision',
      'benefit',
      'indicator',
      'measurement',
      'risk',
      'mitigation',
      'riskMatrix',
      'phase',
      'milestone',
      'calendarFeed',
    ]) {
      expect(entities, entity).toContain(entity);
    }
    expect(recorded).toContainEqual(expect.objectContaining({ entity: 'task', field: 'dependsOn' }));
    expect(recorded).toContainEqual(expect.objectContaining({ entity: 'merger', field: 'municipalities' }));
  });

  it('has a Norwegian name for every entity and a label and presenter for every field a service records', () => {
    const missing = recorded
      .filter((entry) => entry.entity.split('|').every((entity) => !fieldSpec(entity, entry.field)) || !entitySpec(entry.entity.split('|')[0]!))
      .map((entry) => `${entry.file}: ${entry.entity}.${entry.field}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('covers the inventory, whose entity comes from the kind: every field of every kind', () => {
    // The inventory services name the entity through kindDefinitions, not a literal.
    expect(new Set(callsWithoutEntity)).toEqual(new Set(['inventory/inventory.service.ts', 'inventory-io/inventory-io.service.ts']));
    const missing: string[] = [];
    for (const kind of Object.keys(inventoryKinds) as (keyof typeof inventoryKinds)[]) {
      const entity = kindDefinitions[kind].entity;
      for (const field of ['municipalityNumber', ...inventoryKinds[kind].fieldNames, 'notes']) {
        if (!fieldSpec(entity, field)) missing.push(`${entity}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('reads every field’s values as words in every language: no ids, codes or JSON', () => {
    const bad: string[] = [];
    for (const language of languages) {
      for (const [entity, spec] of Object.entries(historyEntities)) {
        if (!/^[A-ZÆØÅ]/.test(spec.name[language])) bad.push(`${language} ${entity}: name «${spec.name[language]}»`);
        for (const [field, { label, value }] of Object.entries(spec.fields)) {
          if (!/^[A-ZÆØÅ]/.test(label[language])) bad.push(`${language} ${entity}.${field}: label «${label[language]}»`);
          for (const sample of samples(value)) {
            // Other rows and register entries read by name; a row that is gone reads as gone.
            const shown = presentValue(value, sample, undefined, () => 'Et navn', language) ?? '';
            if (value.kind === 'reference' && !shown.includes('Et navn')) bad.push(`${language} ${entity}.${field}: not by name: «${shown}»`);
            if (/[{}[\]"]|[0-9a-f]{8}-[0-9a-f]{4}-|\b(?:not_started|in_progress|true|false)\b/.test(shown))
              bad.push(`${language} ${entity}.${field}: ${JSON.stringify(sample)} → «${shown}»`);
            if (value.kind === 'choice' && shown === sample) bad.push(`${language} ${entity}.${field}: «${String(sample)}» has no name`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('has every value’s name in every language, and English not left in bokmål', () => {
    // Words English shares with bokmål (and Noark 5, a name).
    const sameInEnglish = new Set(['Status', 'System', 'Type', 'Start', 'Noark 5', 'Form']);
    const bad: string[] = [];
    for (const [entity, spec] of Object.entries(historyEntities)) {
      for (const [field, { label, value }] of Object.entries(spec.fields)) {
        if (label.en === label.nb && !sameInEnglish.has(label.en)) bad.push(`${entity}.${field}: «${label.en}» in English`);
        if (value.kind !== 'choice') continue;
        for (const language of languages) {
          const missing = Object.keys(value.labels.nb).filter((code) => !Object.hasOwn(value.labels[language], code));
          if (missing.length > 0) bad.push(`${language} ${entity}.${field}: no name for ${missing.join(', ')}`);
        }
      }
      if (spec.name.en === spec.name.nb) bad.push(`${entity}: «${spec.name.en}» in English`);
    }
    expect(bad).toEqual([]);
  });

  it('lets the page filter on every kind of row history names', () => {
    expect(new Set(filterEntities)).toEqual(new Set(Object.keys(historyEntities)));
  });
});
