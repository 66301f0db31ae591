export * from './mergers.ts';
export * from './checklist.ts';
