import { z } from 'zod';
import { isoDate, uuidParam } from './common.ts';

export const auditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ userId: z.uuid().nullable(), name: z.string(), email: z.string().nullable() }),
    entity: z.string().describe('merger, task, member …'),
    entityId: z.string(),
    entityLabel: z.string().nullable(),
    action: z.enum(['create', 'update', 'delete']),
    changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(100).optional(),
  actor: uuidParam.optional().describe('Bruker-id'),
  action: z.enum(['create', 'update', 'delete']).optional(),
  from: isoDate.optional().describe('Fra og med dato'),
  to: isoDate.optional().describe('Til og med dato'),
});
export type AuditQuery = z.input<typeof auditQuery>;

export const auditExportQuery = auditQuery.extend({ format: z.enum(['xlsx', 'csv']) });
export const auditResponse = z.object({ entries: z.array(auditEntry) });
