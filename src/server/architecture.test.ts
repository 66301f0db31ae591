import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The dependency rule (docs/architecture.md) is enforced by `npm run lint`; these
// tests make sure the linter really says no to what the rule forbids, so a config
// change cannot quietly switch it off.
const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((message) => message.ruleId?.startsWith('boundaries/')).map((message) => message.message);
}

describe('the dependency rule', () => {
  it("refuses a feature importing another feature's repo, and allows its service", async () => {
    const file = 'src/server/features/benefits/benefits.example.ts';
    expect(await boundaryMessages(file, "import * as risksRepo from '#server/features/risks/risks.repo.ts';\nexport const x = risksRepo;\n")).not.toEqual([]);
    expect(await boundaryMessages(file, "import * as risks from '#server/features/risks/risks.service.ts';\nexport const x = risks;\n")).toEqual([]);
  });

  it('refuses platform code importing a feature', async () => {
    const file = 'src/server/platform/db/example.ts';
    expect(await boundaryMessages(file, "import * as risks from '#server/features/risks/risks.service.ts';\nexport const x = risks;\n")).not.toEqual([]);
  });

  it('refuses shared code importing the server, and the web importing the server', async () => {
    const code = "import { buildApp } from '#server/app.ts';\nexport const x = buildApp;\n";
    expect(await boundaryMessages('src/shared/example.ts', code)).not.toEqual([]);
    expect(await boundaryMessages('src/web/lib/example.ts', code)).not.toEqual([]);
  });

  it('finds no import cycle between server features today', () => {
    const output = execFileSync(process.execPath, ['scripts/check-feature-cycles.mjs'], { cwd: root, encoding: 'utf8' });
    expect(output).toMatch(/no import cycle/);
  });
});
