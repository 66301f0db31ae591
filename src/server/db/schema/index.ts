export * from './mergers.ts';
export * from './checklist.ts';
export * from './access.ts';
export * from './inventory.ts';
export * from './decisions.ts';
export * from './risks.ts';
