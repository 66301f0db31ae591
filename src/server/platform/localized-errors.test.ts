import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The code already written in every language (issue 22) stays so: a refusal there takes a
 * `Localized` message (an object literal or a named one), never a bare bokmål string, which
 * nynorsk and English readers would only see as their code's generic text.
 */
const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const converted = [
  'platform/access',
  'platform/workers',
  'features/auth',
  'features/users',
  'features/members',
  'features/mergers',
  'features/my-work',
  'features/notifications',
  'features/opportunities',
  'features/catalog',
  'features/contract-deadlines/calendar-feed.service.ts',
  'features/municipalities/municipalities.service.ts',
];

function sourcesOf(entry: string): string[] {
  const full = path.join(server, entry);
  if (fs.statSync(full).isFile()) return [full];
  return fs
    .readdirSync(full)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => path.join(full, name));
}

const bokmalOnly = [
  /\bnew DomainError\(\s*'[A-Z_]+',\s*\d+,\s*['"`]/g,
  /\b(?:notFound|invalid|conflict)\(\s*'[A-Z_]+',\s*['"`]/g,
  /\bversionConflict\(\s*['"`]/g,
];

describe('refusals in converted code', () => {
  it('take their message in every language', () => {
    const found: string[] = [];
    for (const file of converted.flatMap(sourcesOf)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const pattern of bokmalOnly) {
        for (const match of text.matchAll(pattern)) {
          const line = text.slice(0, match.index).split('\n').length;
          found.push(`${path.relative(server, file)}:${line}: ${match[0]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
