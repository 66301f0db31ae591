// The diff helpers moved to the platform (platform/audit-trail/changes.ts);
// checklist and schedule still import them from here until they become the
// plan feature. Delete this file then.
export { creationChanges, deletionChanges, diffFields, type FieldChange } from '#server/platform/audit-trail/changes.ts';
