import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 22: what reading and importing a file tells a person (a refusal, a problem, a
 * warning) is said in the reader's language. A Norwegian sentence written outside a text in
 * every language compiles (a message is a string in the end), so this scan fails the build
 * instead: every string or template literal here that reads as a Norwegian sentence must be
 * the `nb`, `nn` or `en` of an object literal, and every such object has all three. Words a
 * file may contain (an element of a `new Set([...])` of accepted values) are data, not
 * messages. Syntax only (no type checker), so it stays cheap.
 */
const files = ['xlsx-reader.ts', 'zip-guard.ts', 'inventory-cells.ts', 'inventory-reading.ts', 'inventory-import.domain.ts', 'inventory-upload.ts'];
const languages = ['nb', 'nn', 'en'];

/** Words a Norwegian message has and an English one does not (bokmål and nynorsk both: a nynorsk-only text is no better). */
const norwegian = /(^|[^\p{L}])(er|har|må|kan|ikke|ikkje|og|eller|finnes|finst|mer|meir|enn|blir|ble|vart|skal|Velg|Vel|være|vere)(?!\p{L})/u;

const propertyName = (node: ts.PropertyAssignment, source: ts.SourceFile) => node.name.getText(source).replace(/^['"]|['"]$/g, '');

function textOf(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  return ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' … ') : node.text;
}

/** Whether the literal is (inside) the text of one language of an object literal. */
function inLanguageProperty(node: ts.Node, source: ts.SourceFile): boolean {
  for (let at = node.parent; at; at = at.parent) if (ts.isPropertyAssignment(at) && languages.includes(propertyName(at, source))) return true;
  return false;
}

/** Whether the literal is a value a file may hold: an element of the array given to `new Set`. */
function acceptedValue(node: ts.Node): boolean {
  const list = node.parent;
  return ts.isArrayLiteralExpression(list) && ts.isNewExpression(list.parent) && list.parent.expression.getText() === 'Set';
}

interface Finding {
  file: string;
  line: number;
  problem: string;
}

function scan(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const said = textOf(node);
      if (norwegian.test(said) && !inLanguageProperty(node, source) && !acceptedValue(node)) {
        findings.push({ file, line: at(node), problem: `«${said.slice(0, 60)}» is not in a text with nb, nn and en` });
      }
    }
    if (ts.isObjectLiteralExpression(node)) {
      const keys = node.properties.flatMap((property) => (ts.isPropertyAssignment(property) ? [propertyName(property, source)] : []));
      const missing = languages.filter((language) => !keys.includes(language));
      if (keys.includes('nb') && missing.length > 0) findings.push({ file, line: at(node), problem: `a text in nb lacks ${missing.join(' and ')}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe('what reading and importing a file says', () => {
  it('is written in nb, nn and en wherever it is a sentence', () => {
    const findings = files.flatMap((file) => scan(file, readFileSync(join(import.meta.dirname, file), 'utf8')));
    expect(findings).toEqual([]);
  });

  it('catches a bokmål-only sentence and a text without its English, and lets data through', () => {
    const code = [
      "const a = broken('zip-filen er skadet');",
      'const b = tooLarge(`mer enn ${limit} ark`);',
      "const c = broken({ nb: 'zip-filen er skadet', nn: 'zip-fila er skadd' });",
      "const d = broken({ nb: 'zip-filen er skadet', nn: 'zip-fila er skadd', en: 'the zip file is damaged' });",
      "const e = say({ nb: `Raden ${one ? 'har' : 'er'} feil`, nn: 'Rada har feil', en: 'The row is wrong' });",
      "const f = new Set(['vet ikke', 'ikke kjent']);",
      "const g = 'IKT-systemer';",
    ].join('\n');
    expect(scan('example.ts', code).map((finding) => finding.line)).toEqual([1, 2, 3]);
  });
});
