#!/usr/bin/env node
// Fails when the server's features import each other in a cycle. It reads the
// imports of every non-test file under src/server/features/<feature>/ (static,
// re-exports, dynamic import() and `import type` alike: a type-only cycle still
// ties the features together), builds the graph feature → feature, and reports
// each strongly connected component with the imports that close it.
// `--graph` also prints the whole graph. Part of `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const featuresDir = join(root, 'src/server/features');
const aliases = { '#server/': 'src/server/', '#shared/': 'src/shared/', '#web/': 'src/web/', '#catalog/': 'src/catalog/' };
const sourceFile = /\.(ts|tsx|mts|mjs|js)$/;
const testFile = /\.test\.tsx?$/;
const importPattern = /(?:^|[^\w.])(?:import|export)\s*(type\s+)?(?:[\w*${}\s,]*?\s*from\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (sourceFile.test(entry.name) && !testFile.test(entry.name)) yield path;
  }
}

/** The feature a path belongs to, or null outside src/server/features. */
function featureOf(path) {
  const inside = relative(featuresDir, path);
  if (inside.startsWith('..') || inside === '') return null;
  return inside.split(sep)[0];
}

function resolveSpecifier(from, specifier) {
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier);
  for (const [alias, target] of Object.entries(aliases)) {
    if (specifier.startsWith(alias)) return join(root, target, specifier.slice(alias.length));
  }
  return null; // a package
}

/** feature → feature → the imports behind that edge */
const edges = new Map();
for (const feature of readdirSync(featuresDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  edges.set(feature.name, new Map());
}
for (const file of walk(featuresDir)) {
  const from = featureOf(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[2] ?? match[3];
    const target = resolveSpecifier(file, specifier);
    const to = target && featureOf(target);
    if (!to || to === from) continue;
    const line = text.slice(0, match.index).split('\n').length + (match[0].startsWith('\n') ? 1 : 0);
    const via = edges.get(from).get(to) ?? [];
    via.push(`${relative(root, file)}:${line}${match[1] ? ' (type)' : ''} → ${specifier}`);
    edges.get(from).set(to, via);
  }
}

// Tarjan's strongly connected components.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const components = [];
function connect(node) {
  index.set(node, counter);
  low.set(node, counter);
  counter++;
  stack.push(node);
  onStack.add(node);
  for (const next of edges.get(node)?.keys() ?? []) {
    if (!index.has(next)) {
      connect(next);
      low.set(node, Math.min(low.get(node), low.get(next)));
    } else if (onStack.has(next)) {
      low.set(node, Math.min(low.get(node), index.get(next)));
    }
  }
  if (low.get(node) === index.get(node)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component.sort());
  }
}
for (const node of [...edges.keys()].sort()) if (!index.has(node)) connect(node);

if (process.argv.includes('--graph')) {
  for (const [from, targets] of [...edges].sort()) {
    console.log(`${from} → ${[...targets.keys()].sort().join(', ') || '(none)'}`);
  }
}

if (components.length === 0) {
  console.log(`check-feature-cycles: ${edges.size} server features, no import cycle between them`);
  process.exit(0);
}
for (const component of components) {
  const members = new Set(component);
  console.error(`\nImport cycle between ${component.length} server features: ${component.join(', ')}`);
  for (const from of component) {
    for (const [to, via] of [...edges.get(from)].sort()) {
      if (!members.has(to)) continue;
      console.error(`  ${from} → ${to}`);
      for (const line of via) console.error(`      ${line}`);
    }
  }
}
console.error(
  `\ncheck-feature-cycles: ${components.length} cycle(s). A feature may use another feature's service; the two must not need each other (docs/architecture.md).`,
);
process.exit(1);
