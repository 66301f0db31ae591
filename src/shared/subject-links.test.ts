import { describe, expect, it } from 'vitest';
import { paths } from '#web/lib/paths.ts';
import { commentLink, subjectLink } from './subject-links.ts';

describe('the links the server writes into notifications', () => {
  it('are the web app’s own paths', () => {
    const m = '00000000-0000-4000-8000-000000000001';
    const id = '00000000-0000-4000-8000-000000000002';
    expect(subjectLink(m, 'task', id)).toBe(paths.task(m, id));
    expect(subjectLink(m, 'decision', 'omrade-okonomi')).toBe(paths.decisionArea(m, 'omrade-okonomi'));
    expect(subjectLink(m, 'risk', id)).toBe(paths.risk(m, id));
    expect(subjectLink(m, 'benefit', id)).toBe(paths.benefit(m, id));
    expect(commentLink(m, 'task', id, 'c1')).toBe(`${paths.task(m, id)}#kommentar-c1`);
  });
});
