#!/usr/bin/env node
// Prints the library's reading texts as one JSON object, key → bokmål text
// (src/catalog/catalog-texts.ts): the source a translation in
// src/catalog/data/translations/<language>.json follows key by key.
import { catalogTexts } from '../src/catalog/catalog-texts.ts';
import { loadCatalog } from '../src/catalog/catalog.ts';

process.stdout.write(`${JSON.stringify(Object.fromEntries(catalogTexts(loadCatalog())), null, 2)}\n`);
