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
    display: z
      .object({
        entity: z.string().describe('Hva, på norsk: «Integrasjon», «Oppgave» …'),
        label: z.string().nullable().describe('Navnet på det som ble endret, slik det var da'),
        action: z.string().describe('«Opprettet», «Endret» eller «Slettet»'),
        changes: z.array(
          z.object({
            field: z.string().describe('Feltets navn på norsk'),
            old: z.string().nullable().describe('Verdien før, i ord; null når feltet var tomt'),
            new: z.string().nullable().describe('Verdien etter, i ord; null når feltet ble tomt'),
          }),
        ),
      })
      .describe('Endringen slik den leses: norske navn, datoer som dd.mm.åååå, andre rader ved navnet de hadde da'),
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
