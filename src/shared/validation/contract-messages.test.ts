import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every message a contract writes itself must be written in every language (`says({ nb, nn, en })`):
 * a plain string is one language only, and the same contracts check the API's requests and the
 * web's forms in the reader's language (issue 22). This reads the contracts' source and lists
 * each place a message is a plain string, so a new bokmål-only one fails here.
 */

/** For each zod method that takes an error message, the first argument that can be one. */
const messageArgument: Readonly<Record<string, number>> = {
  ...Object.fromEntries(['min', 'max', 'length', 'gt', 'gte', 'lt', 'lte', 'multipleOf', 'step', 'size'].map((name) => [name, 1])),
  ...Object.fromEntries(['regex', 'refine', 'startsWith', 'endsWith', 'includes', 'mime'].map((name) => [name, 1])),
  ...Object.fromEntries(
    ['enum', 'literal', 'nativeEnum', 'array', 'object', 'strictObject', 'looseObject', 'union', 'tuple', 'set', 'map', 'templateLiteral', 'instanceof'].map(
      (name) => [name, 1],
    ),
  ),
  record: 2,
  ...Object.fromEntries(
    [
      'string',
      'number',
      'boolean',
      'bigint',
      'date',
      'int',
      'int32',
      'uint32',
      'float32',
      'float64',
      'email',
      'uuid',
      'uuidv4',
      'uuidv6',
      'uuidv7',
      'guid',
      'url',
      'httpUrl',
      'emoji',
      'nanoid',
      'cuid',
      'cuid2',
      'ulid',
      'xid',
      'ksuid',
      'datetime',
      'time',
      'duration',
      'ipv4',
      'ipv6',
      'cidrv4',
      'cidrv6',
      'base64',
      'base64url',
      'e164',
      'jwt',
      'hostname',
      'nonempty',
      'positive',
      'negative',
      'nonnegative',
      'nonpositive',
      'finite',
      'safe',
      'lowercase',
      'uppercase',
      'stringbool',
      'file',
      'custom',
      'check',
    ].map((name) => [name, 0]),
  ),
};

const isPlainText = (node: ts.Node) => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);

function containsPlainText(node: ts.Node): boolean {
  if (isPlainText(node)) return true;
  return ts.forEachChild(node, (child) => (containsPlainText(child) ? true : undefined)) ?? false;
}

/** The places in one source file where a validation message is a plain string, as `line: code`. */
function plainMessages(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${fileName}:${line + 1}: ${node.getText(file).replace(/\s+/g, ' ').slice(0, 120)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      // { error: '…' } or { message: '…' } given to a call (a schema's params, ctx.addIssue …),
      // or an error function that writes its own text.
      for (const argument of node.arguments) {
        if (!ts.isObjectLiteralExpression(argument)) continue;
        for (const property of argument.properties) {
          if (!ts.isPropertyAssignment(property) || !property.name || !['error', 'message'].includes(property.name.getText(file))) continue;
          const value = property.initializer;
          if (isPlainText(value) || ((ts.isArrowFunction(value) || ts.isFunctionExpression(value)) && containsPlainText(value))) report(property);
        }
      }
      // .min(1, '…'), .refine(check, '…'), z.uuid('…'): zod takes a bare string as the message too.
      if (ts.isPropertyAccessExpression(node.expression)) {
        const from = messageArgument[node.expression.name.text];
        // z.date('…') and .string().email('…') are zod; a helper of the file's own (f.date('Startdato')) is not.
        const receiver = node.expression.expression;
        const onZod = from !== 0 || (ts.isIdentifier(receiver) ? receiver.text === 'z' : ts.isCallExpression(receiver));
        if (from !== undefined && onZod) node.arguments.slice(from).filter(isPlainText).forEach(report);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const contracts = fileURLToPath(new URL('../contracts/', import.meta.url));

describe('validation messages in the contracts', () => {
  it('are all written in every language, none as a plain (bokmål-only) string', () => {
    const files = readdirSync(contracts).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((name) => plainMessages(name, readFileSync(path.join(contracts, name), 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check finds each way a plain message can be written', () => {
    const source = [
      "const a = z.string().min(1, { error: 'Feltet må fylles ut.' });",
      'const b = z.string().max(max, { error: `Teksten kan ikke være lengre enn ${max} tegn.` });',
      "const c = isoDate.refine(isReal, 'Datoen finnes ikke.');",
      "const d = z.uuid('Ugyldig id.');",
      "const e = z.string().regex(/^a$/, { message: 'Bare a.' });",
      "const f = z.string().superRefine((value, ctx) => ctx.addIssue({ code: 'custom', message: 'Nei.' }));",
      "const g = z.enum(['a', 'b'], { error: () => 'Velg en.' });",
      'const h = z.string().min(1, `Fyll ut.`);',
    ].join('\n');
    expect(plainMessages('sample.ts', source).map((line) => line.split(':')[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('lets through messages in every language and strings that are not messages', () => {
    const source = [
      "const a = z.string().min(1, { error: says({ nb: 'Fyll ut.', nn: 'Fyll ut.', en: 'Required.' }) });",
      "const b = z.enum(['open', 'closed']).default('open').describe('Status');",
      "const c = z.string().startsWith('https://').meta({ example: 'https://x.no' });",
      "const d = z.object({ message: z.string().describe('Hva som er galt') });",
      'const e = z.string().max(40, { error: textTooLong(40) });',
      "const f = defineKind({ fields: { startDate: f.date('Startdato') } });",
    ].join('\n');
    expect(plainMessages('sample.ts', source)).toEqual([]);
  });
});
