import { describe, expect, it } from 'vitest';
import {
  dailyDigestDue,
  dailyDigestMail,
  deliveryFor,
  escapeHtml,
  mondayOf,
  notificationMail,
  retryDelayMs,
  weeklyDigestDue,
  weeklyDigestMail,
} from './mail.domain.ts';

describe('choices', () => {
  it('defaults to straks for being made responsible or mentioned and a daily summary for the rest', () => {
    const none = new Map<string, string>();
    expect(deliveryFor(none, 'assigned')).toBe('immediate');
    expect(deliveryFor(none, 'mentioned')).toBe('immediate');
    expect(deliveryFor(none, 'overdue')).toBe('daily');
    expect(deliveryFor(new Map([['overdue', 'off']]), 'overdue')).toBe('off');
  });
});

describe('when', () => {
  it('makes the daily summary from 07:00 Norwegian time, summer and winter', () => {
    expect(dailyDigestDue(new Date('2027-01-12T05:59:00Z'))).toBeNull();
    expect(dailyDigestDue(new Date('2027-01-12T06:00:00Z'))).toBe('2027-01-12');
    expect(dailyDigestDue(new Date('2027-06-15T04:59:00Z'))).toBeNull();
    expect(dailyDigestDue(new Date('2027-06-15T05:00:00Z'))).toBe('2027-06-15');
  });

  it('makes the weekly summary from Monday 07:00 for the week, also later in the week', () => {
    expect(mondayOf('2027-01-17')).toBe('2027-01-11');
    expect(mondayOf('2027-01-11')).toBe('2027-01-11');
    expect(weeklyDigestDue(new Date('2027-01-11T05:00:00Z'))).toBeNull();
    expect(weeklyDigestDue(new Date('2027-01-11T06:00:00Z'))).toBe('2027-01-11');
    expect(weeklyDigestDue(new Date('2027-01-14T12:00:00Z'))).toBe('2027-01-11');
  });

  it('doubles the wait after each failure, up to six hours', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 60_000))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20, 60_000)).toBe(6 * 3_600_000);
  });
});

describe('what the mails say', () => {
  it('escapes what people wrote in the HTML part and keeps the subject on one line', () => {
    const mail = notificationMail(
      { kind: 'mentioned', subjectTitle: 'Linje én\r\nBcc: x@y.no', actorName: '<script>', excerpt: 'a & "b"', link: '/x', mergerName: 'M' },
      'https://samla.no/',
      'nb',
    );
    expect(mail.subject).toBe('<script> nevnte deg: Linje én Bcc: x@y.no – M');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('a &amp; &quot;b&quot;');
    expect(mail.text).toContain('https://samla.no/x');
    expect(escapeHtml(`<a href='x'>`)).toBe('&lt;a href=&#39;x&#39;&gt;');
  });

  it('sums up a long week of changes and points to the history', () => {
    const changes = Array.from({ length: 45 }, (_, index) => `endring ${index}`);
    const mail = weeklyDigestMail(
      '2027-01-11',
      {
        mergerName: 'M',
        mergerLink: '/m',
        historyLink: '/m/historikk',
        changes,
        overdue: [{ title: 'T', dueDate: '2027-01-01', link: '/t' }],
        dueNextWeek: [],
      },
      'https://samla.no',
      'nb',
    );
    expect(mail.subject).toBe('Ukesoppsummering for M: 45 endringer, 1 forfalt, 0 med frist neste uke');
    expect(mail.text).toContain('… og 5 til: https://samla.no/m/historikk');
    expect(mail.text).toContain('- T (frist 01.01.2027)');
    expect(mail.text).toContain('Ingen oppgaver med frist neste uke.');
  });

  it('writes a nynorsk weekly summary in nynorsk and an English daily summary in English, dates as each language writes them', () => {
    const digest = {
      mergerName: 'M',
      mergerLink: '/m',
      historyLink: '/m/historikk',
      changes: ['endring'],
      overdue: [],
      dueNextWeek: [{ title: 'T', dueDate: '2027-01-14', link: '/t' }],
    };
    const nynorsk = weeklyDigestMail('2027-01-11', digest, 'https://samla.no', 'nn');
    expect(nynorsk.subject).toBe('Vekeoppsummering for M: 1 endring, 0 forfalne, 1 med frist neste veke');
    expect(nynorsk.text).toContain('Oppsummering for M, veka før 11.01.2027.');
    expect(nynorsk.text).toContain('Ingen forfalne oppgåver.');
    expect(nynorsk.text).toContain('- T (frist 14.01.2027)');
    expect(nynorsk.html).toContain('<html lang="nn">');

    const english = dailyDigestMail(
      '2027-01-12',
      [{ kind: 'overdue', subjectTitle: 'Kartlegg', actorName: null, excerpt: null, link: '/x', mergerName: 'M' }],
      'https://samla.no',
      'en',
    );
    expect(english.subject).toBe('Daily summary from Samla: 1 notification – M');
    expect(english.text).toContain('This has happened since the previous summary (12 Jan 2027):');
    expect(english.text).toContain('- «Kartlegg» is past its due date');
  });
});
