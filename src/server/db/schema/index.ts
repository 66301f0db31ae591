export * from './mergers.ts';
export * from './checklist.ts';
export * from './access.ts';
export * from './inventory.ts';
export * from './decisions.ts';
export * from './calendar-feeds.ts';
export * from './benefits.ts';
export * from './schedule.ts';
