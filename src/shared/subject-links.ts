/**
 * The app paths the server writes into notifications (and later e-mails): the same as the
 * web's `paths` (src/web/lib/paths.ts), which subject-links.test.ts holds them to. The
 * server does not import the web, so the few it needs live here.
 */
export type LinkedSubject = 'task' | 'decision' | 'risk' | 'benefit';

export function subjectLink(mergerId: string, kind: LinkedSubject, id: string): string {
  const merger = `/sammenslainger/${mergerId}`;
  switch (kind) {
    case 'task':
      return `${merger}/oppgaver/${id}`;
    case 'decision':
      return `${merger}/veivalg/${id}`;
    case 'risk':
      return `${merger}/risiko/${id}`;
    case 'benefit':
      return `${merger}/gevinster/${id}`;
  }
}

/** A link to a comment's place on its subject's page (the section's anchor). */
export function commentLink(mergerId: string, kind: LinkedSubject, id: string, commentId: string): string {
  return `${subjectLink(mergerId, kind, id)}#kommentar-${commentId}`;
}
