import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderStatusReport, type StatusReportData } from './reports.pdf.ts';

// Counts of one in the steering group's PDF read «1 gevinst», «1 oppgave … er ikke ferdig»,
// «1 av 1 kritisk løsningsområde er klart», not «1 gevinster» (issue 18). Read back with
// poppler's pdftotext, like reports.api.test.ts.

const progress = (done: number, relevant: number) => ({
  total: relevant,
  relevant,
  done,
  inProgress: 0,
  notStarted: relevant - done,
  notRelevant: 0,
  overdue: 0,
  percent: relevant === 0 ? null : Math.round((done / relevant) * 100),
});

function report(overrides: Partial<StatusReportData>): StatusReportData {
  return {
    language: 'nb',
    merger: { name: 'Flertallsprøve', newMunicipalityName: 'Nye Entall', mergerDate: '2028-01-01', municipalities: ['Aure', 'Smøla'] },
    period: { from: '2027-04-16', to: '2027-05-15' },
    today: '2027-05-15',
    daysToMerger: 231,
    progress: progress(1, 1),
    phases: [],
    readiness: {
      ready: 0,
      total: 1,
      missing: [{ areaName: 'Økonomi- og regnskapssystem', reasons: ['tasks_open'], openTasks: 1, rationale: null }],
      acceptedDeferrals: [],
    },
    decisions: [{ areaName: 'Økonomi- og regnskapssystem', outcome: 'continue', targetSystemName: 'Visma', decidedOn: '2027-05-01', decidedBy: null }],
    redClassName: 'Høy',
    redRisks: [],
    deadlines: [],
    benefits: {
      total: 1,
      behind: 1,
      byStatus: { realised: 1 },
      list: [{ title: 'Færre fakturaer', status: 'realised', owner: null, plannedRealisationDate: null, indicatorCount: 1, behindCount: 1 }],
    },
    overdueTasks: [{ phase: 2, title: 'Kartlegge systemene', responsible: null, dueDate: '2027-05-01', daysOver: 14 }],
    completedTasks: [{ phase: 1, title: 'Etablere prosjektgruppe', responsible: 'Pia Prosjektleder', completedOn: '2027-05-03' }],
    ...overrides,
  };
}

async function pdfText(data: StatusReportData): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-pdf-plural-'));
  try {
    const file = path.join(dir, 'rapport.pdf');
    fs.writeFileSync(file, await renderStatusReport(data));
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replaceAll(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the status report counts in Norwegian', () => {
  it('writes the singular after a count of one', async () => {
    const text = await pdfText(report({}));
    expect(text).toContain('0 av 1 kritisk løsningsområde er klart til dag én.');
    expect(text).toContain('1 åpen oppgave');
    expect(text).toContain('1 av 1 relevant oppgave er ferdig.');
    expect(text).toContain('1 veivalg vedtatt i perioden.');
    expect(text).toContain('1 gevinst: 1 realisert. 1 bak plan.');
    expect(text).toContain('BAK PLAN: 1 av 1 indikator');
    expect(text).toContain('1 oppgave har passert fristen og er ikke ferdig');
    expect(text).not.toMatch(/\b1 (gevinster|oppgaver|indikatorer|kritiske|relevante)\b/);
  });

  it('writes the plural after other counts, and a day since the merger in the singular', async () => {
    const text = await pdfText(
      report({
        daysToMerger: -1,
        progress: progress(2, 5),
        readiness: { ready: 1, total: 3, missing: [], acceptedDeferrals: [] },
        benefits: {
          total: 3,
          behind: 0,
          byStatus: { planned: 2, realised: 1 },
          list: [{ title: 'Færre fakturaer', status: 'planned', owner: null, plannedRealisationDate: null, indicatorCount: 2, behindCount: 0 }],
        },
      }),
    );
    expect(text).toContain('dag siden 01.01.2028');
    expect(text).toContain('1 av 3 kritiske løsningsområder er klare til dag én.');
    expect(text).toContain('2 av 5 relevante oppgaver er ferdige.');
    expect(text).toContain('3 gevinster: 2 planlagte, 1 realisert. 0 bak plan.');
    expect(text).toContain('I rute (2 indikatorer)');
  });
});

describe('the status report in nynorsk and English', () => {
  const phases = [{ number: 1, name: 'Før du startar', start: '2025-10-01', end: '2026-03-31', progress: { ...progress(1, 20), inProgress: 2, overdue: 3 } }];
  const narrative = {
    overallStatus: 'red' as const,
    statusReason: 'Lønn er forseinka.',
    mainPoints: ['Ny lønnsplan'],
    decisionsRequested: ['Vedta ny framdriftsplan'],
    issuedBy: 'Pia Prosjektleiar',
  };

  it('counts in nynorsk, with the singular after one', async () => {
    const text = await pdfText(report({ language: 'nn', phases, narrative }));
    expect(text).toContain('0 av 1 kritisk løysingsområde er klart til dag éin.');
    expect(text).toContain('1 open oppgåve');
    expect(text).toContain('1 vegval vedteke i perioden.');
    expect(text).toContain('1 gevinst: 1 realisert. 1 bak planen.');
    expect(text).toContain('1 oppgåve har passert fristen og er ikkje ferdig (per 15.05.2027).');
    expect(text).toContain('1 oppgåve vart sett som ferdig i perioden.');
    expect(text).toContain('Status totalt: RAUD');
    expect(text).toContain('Vurderinga til prosjektleiaren');
    // A header word is never broken in a narrow column of counts.
    expect(text).toContain('Forfalne');
    expect(text).not.toMatch(/\bForfaln e\b/);
    expect(text).not.toMatch(/\b1 (gevinstar|oppgåver|indikatorar|kritiske)\b/);
  });

  it('counts in English, and writes dates with the month by name', async () => {
    const text = await pdfText(report({ language: 'en', phases, narrative, daysToMerger: -2 }));
    expect(text).toContain('0 of 1 critical solution area is ready for day one.');
    expect(text).toContain('1 open task');
    expect(text).toContain('1 decision adopted in the period.');
    expect(text).toContain('1 benefit: 1 realised. 1 behind plan.');
    expect(text).toContain('1 task is past the due date and not done (as of 15 May 2027).');
    expect(text).toContain('1 task was marked as done in the period.');
    expect(text).toContain('days since 1 Jan 2028');
    expect(text).toContain('Overall status: RED');
    // A header word is never broken in a narrow column of counts.
    expect(text).toContain('Overdue');
    expect(text).not.toMatch(/\bprog ress\b|\bOverdu e\b/);
    expect(text).toMatch(/Page 1 of \d/);
  });
});
