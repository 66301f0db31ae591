import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 22: every error these features throw has its message in bokmål, nynorsk and English,
 * so the error handler can answer in the reader's language. A bokmål-only message compiles
 * (the error helpers still take a plain string, for code not converted yet), so this scan makes
 * it fail the build here: each message given to DomainError, invalid, notFound, conflict or
 * versionConflict must be an object literal with nb, nn and en, or a name declared as one.
 * Syntax only (no type checker), so it stays cheap.
 */
const features = ['risks', 'plan', 'comments', 'decisions', 'benefits', 'inventory', 'reports'];
const featuresDir = import.meta.dirname;

/** Which argument of each error helper is the message (versionConflict: its subject, and options.message). */
const messageArgument: Record<string, number> = { invalid: 1, notFound: 1, conflict: 1, versionConflict: 0, DomainError: 2 };

const languages = ['nb', 'nn', 'en'];

function isLocalizedLiteral(node: ts.Node): boolean {
  if (!ts.isObjectLiteralExpression(node)) return false;
  const keys = node.properties.map((property) => (property.name && ts.isIdentifier(property.name) ? property.name.text : null));
  return languages.every((language) => keys.includes(language));
}

function declarationsNamed(source: ts.SourceFile, name: string): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && ts.isIdentifier(node.name) && node.name.text === name) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const isLocalizedType = (type: ts.TypeNode | undefined) => type !== undefined && ts.isTypeReferenceNode(type) && type.typeName.getText() === 'Localized';

/** Why `node`, given as a message, is not known to be in every language; null when it is. */
function problemWith(node: ts.Expression, source: ts.SourceFile): string | null {
  const expression = ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) ? node.expression : node;
  if (isLocalizedLiteral(expression)) return null;
  if (ts.isConditionalExpression(expression)) return problemWith(expression.whenTrue, source) ?? problemWith(expression.whenFalse, source);
  // A domain problem's message: the problem types carry a Localized message (LocalizedFieldProblem, DecisionProblem).
  if (ts.isPropertyAccessExpression(expression) && expression.name.text === 'message') return null;
  // localize(language => …) builds a Localized from a rule that takes the language.
  if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'localize') return null;
  if (ts.isIdentifier(expression)) {
    const declarations = declarationsNamed(source, expression.text);
    if (declarations.length === 0) return `«${expression.text}» is not declared in this file`;
    for (const declaration of declarations) {
      const { type, initializer } = declaration as ts.VariableDeclaration | ts.ParameterDeclaration;
      if (isLocalizedType(type)) continue;
      if (initializer && !type && problemWith(initializer, source) === null) continue;
      return `«${expression.text}» is not declared as a Localized`;
    }
    return null;
  }
  return `${ts.SyntaxKind[expression.kind]} «${expression.getText(source).slice(0, 60)}» is not a Localized`;
}

function sourceFiles(): string[] {
  return features.flatMap((feature) =>
    readdirSync(join(featuresDir, feature))
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .map((name) => join(feature, name)),
  );
}

interface Finding {
  file: string;
  line: number;
  call: string;
  problem: string;
}

function scan(file: string, text = readFileSync(join(featuresDir, file), 'utf8')): { calls: number; findings: Finding[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  let calls = 0;
  const check = (call: ts.CallExpression | ts.NewExpression, name: string, argument: ts.Expression | undefined) => {
    calls += 1;
    const line = source.getLineAndCharacterOfPosition(call.getStart(source)).line + 1;
    const problem = argument ? problemWith(argument, source) : 'no message';
    if (problem) findings.push({ file, line, call: name, problem });
  };
  const visit = (node: ts.Node) => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      const index = messageArgument[name];
      const isErrorHelper = index !== undefined && (name === 'DomainError' ? ts.isNewExpression(node) : ts.isCallExpression(node));
      if (isErrorHelper) {
        const args = node.arguments ?? ts.factory.createNodeArray();
        check(node, name, args[index]);
        if (name === 'versionConflict' && args[2] && ts.isObjectLiteralExpression(args[2])) {
          const message = args[2].properties.find((property) => property.name?.getText(source) === 'message');
          if (message && ts.isPropertyAssignment(message)) check(node, 'versionConflict options.message', message.initializer);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { calls, findings };
}

describe('error messages of risks, plan, comments, decisions, benefits, inventory and reports', () => {
  it('are given in nb, nn and en at every throw', () => {
    const results = sourceFiles().map((file) => scan(file));
    // The scan finds the calls it is meant to check (a renamed helper would otherwise pass silently).
    expect(results.reduce((sum, result) => sum + result.calls, 0)).toBeGreaterThan(60);
    expect(results.flatMap((result) => result.findings)).toEqual([]);
  });

  it('catches a bokmål-only message, and lets one in every language through', () => {
    const code = [
      "const subject = 'Risikoen';",
      "const theRisk: Localized = { nb: 'Risikoen', nn: 'Risikoen', en: 'The risk' };",
      "function f(message: string) { throw new DomainError('FORBIDDEN', 403, message); }",
      "throw notFound('RISK_NOT_FOUND', 'Fant ikke risikoen.');",
      "throw notFound('RISK_NOT_FOUND', `Fant ikke ${noun}.`);",
      "throw notFound('RISK_NOT_FOUND', { nb: 'Fant ikke risikoen.', nn: 'Fann ikkje risikoen.' });",
      'throw versionConflict(subject, null);',
      "throw versionConflict(theRisk, null, { message: 'Endret.' });",
      "throw invalid('RISK_INVALID', { nb: 'a', nn: 'b', en: 'c' }, []);",
    ].join('\n');
    const { calls, findings } = scan('example.ts', code);
    expect(calls).toBe(8);
    expect(findings.map((finding) => [finding.line, finding.call])).toEqual([
      [3, 'DomainError'],
      [4, 'notFound'],
      [5, 'notFound'],
      [6, 'notFound'],
      [7, 'versionConflict'],
      [8, 'versionConflict options.message'],
    ]);
  });
});
