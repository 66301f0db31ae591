#!/usr/bin/env node
// Moves source files or folders and rewrites every import of them (and every
// relative import inside them), so a change of layout is one reviewable step:
//   node scripts/move-modules.mjs src/server/db=src/server/platform/db ...
// Paths are relative to the repository root. Strings that name a moved path in
// full (build scripts, docs) are rewritten too; `new URL('…', import.meta.url)`
// inside moved files is left for the mover to check.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const moves = process.argv.slice(2).map((arg) => {
  const [from, to] = arg.split('=');
  if (!from || !to) throw new Error(`expected from=to, got ${arg}`);
  return { from: path.normalize(from), to: path.normalize(to) };
});

/** Where a repository path ends up after the moves. */
function movedPath(file) {
  for (const { from, to } of moves) {
    if (file === from) return to;
    if (file.startsWith(from + path.sep)) return to + file.slice(from.length);
  }
  return file;
}

const sourceExtensions = /\.(ts|tsx|mjs|js|json|md)$/;
const skip = new Set(['node_modules', 'dist', 'data', '.git']);
function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (sourceExtensions.test(entry.name)) out.push(path.relative(root, full));
  }
  return out;
}

const files = walk(root).filter((file) => !file.startsWith('docs/decisions/'));
const rewritten = new Map();
for (const file of files) {
  const original = fs.readFileSync(file, 'utf8');
  const newFile = movedPath(file);
  let text = original.replace(/(from\s+|import\s*\(\s*|import\s+|vi\.mock\(\s*)(['"])([^'"]+)\2/g, (whole, lead, quote, spec) => {
    let target;
    if (spec.startsWith('#server/')) target = path.join('src/server', spec.slice('#server/'.length));
    else if (spec.startsWith('#shared/')) target = path.join('src/shared', spec.slice('#shared/'.length));
    else if (spec.startsWith('#web/')) target = path.join('src/web', spec.slice('#web/'.length));
    else if (spec.startsWith('#catalog/')) target = path.join('src/catalog', spec.slice('#catalog/'.length));
    else if (spec.startsWith('.')) target = path.normalize(path.join(path.dirname(file), spec));
    else return whole;
    const newTarget = movedPath(target);
    let newSpec;
    if (spec.startsWith('#')) {
      const alias = spec.slice(0, spec.indexOf('/'));
      const base = { '#server': 'src/server', '#shared': 'src/shared', '#web': 'src/web', '#catalog': 'src/catalog' }[alias];
      newSpec = `${alias}/${path.relative(base, newTarget)}`;
    } else {
      newSpec = path.relative(path.dirname(newFile), newTarget);
      if (!newSpec.startsWith('.')) newSpec = `./${newSpec}`;
    }
    return `${lead}${quote}${newSpec}${quote}`;
  });
  // Whole paths named in strings and prose (build scripts, README, comments).
  for (const { from, to } of moves) {
    text = text.split(`'${from}/`).join(`'${to}/`).split(`'${from}'`).join(`'${to}'`);
    text = text.replace(new RegExp(`(?<![\\w/])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/'\`"\\s)]|$)`, 'g'), to);
  }
  if (text !== original) rewritten.set(file, text);
}

for (const { from, to } of moves) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  execFileSync('git', ['mv', from, to]);
}
for (const [file, text] of rewritten) fs.writeFileSync(movedPath(file), text);
console.log(`moved ${moves.length}, rewrote ${rewritten.size} files`);
