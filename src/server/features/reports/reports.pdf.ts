import { createRequire } from 'node:module';
import path from 'node:path';
import { loadPdfKit } from '#server/platform/workers/lazy-modules.ts';
import type { Progress } from '#shared/contracts/plan.tasks.ts';
import { contractActionText } from '#server/features/contract-deadlines/contract-deadline-text.ts';
import type { ContractAction } from '#server/features/contract-deadlines/contract-deadlines.domain.ts';
import { plural, pluralWord } from '#shared/plural.ts';
import { nbVocabulary as vocabulary } from '#shared/vocabulary/nb.ts';
import type { OverallStatus } from '#shared/contracts/reports.ts';
import { formatDate, type ReportPeriod } from './reports.domain.ts';

/**
 * Draws the steering group's status report with pdfkit. Black text on white
 * with grey shades only: every status is a word, never a colour alone, so the
 * report reads the same printed in black and white. DejaVu Sans (regular and
 * bold) is embedded as TrueType; pdfkit subsets it, æøå included.
 */

export interface StatusReportData {
  merger: { name: string; newMunicipalityName: string; mergerDate: string; municipalities: string[] };
  period: ReportPeriod;
  today: string;
  daysToMerger: number;
  progress: Progress;
  phases: Array<{ number: number; name: string; start: string | null; end: string | null; progress: Progress }>;
  readiness: {
    ready: number;
    total: number;
    missing: Array<{ areaName: string; reasons: string[]; openTasks: number; rationale: string | null }>;
    /** Critical areas deferred to the transition with the project's acceptance: counted ready, shown with who, when and why. */
    acceptedDeferrals: Array<{ areaName: string; acceptedBy: string; acceptedOn: string; reason: string; rationale: string | null }>;
  };
  /** The project leader's own words, in a report issued and stored (decision 038); null in a preview. */
  narrative?: ReportNarrative | null;
  decisions: Array<{
    areaName: string;
    outcome: string;
    targetSystemName: string | null;
    decidedOn: string;
    decidedBy: string | null;
    /** The decision on record: who decided (named), the meeting, case number and archive link. */
    record?: { maker: string; meetingDate: string; caseNumber: string | null; archiveUrl: string | null } | null;
  }>;
  redClassName: string;
  redRisks: Array<{
    title: string;
    className: string;
    likelihood: number | null;
    consequence: number | null;
    residualClassName: string | null;
    status: string;
    owner: string | null;
    mitigations: Array<{ title: string; owner: string | null; deadline: string | null; status: string }>;
  }>;
  /** Passed deadlines still to act on first (daysLeft below 0), then the next 90 days. */
  deadlines: Array<{
    deadline: string;
    daysLeft: number;
    vendor: string;
    subject: string | null;
    municipality: string;
    action: ContractAction;
    legalReview: boolean;
  }>;
  benefits: {
    total: number;
    behind: number;
    byStatus: Record<string, number>;
    list: Array<{
      title: string;
      status: string;
      owner: string | null;
      plannedRealisationDate: string | null;
      indicatorCount: number;
      behindCount: number;
    }>;
  };
  overdueTasks: Array<{ phase: number; title: string; responsible: string | null; dueDate: string; daysOver: number }>;
  /** Tasks set to «ferdig» in the period (by history) and still done, in the order they were done. */
  completedTasks: Array<{ phase: number; title: string; responsible: string | null; completedOn: string }>;
}

export interface ReportNarrative {
  overallStatus: OverallStatus;
  statusReason: string;
  mainPoints: string[];
  decisionsRequested: string[];
  issuedBy: string;
}

/** The issued report's own section, first after the front page. */
export const narrativeHeadings = {
  section: 'Prosjektleders vurdering',
  mainPoints: 'Hovedpunkter',
  decisionsRequested: 'Saker styringsgruppen bes om å beslutte',
} as const;

export const sectionHeadings = {
  summary: 'Nøkkeltall',
  readiness: 'Klar til dag én',
  phases: 'Fremdrift per fase',
  decisions: 'Veivalg vedtatt i perioden',
  completed: 'Oppgaver fullført i perioden',
  risks: 'Risikoer på rødt nivå med tiltak',
  deadlines: 'Avtalefrister: passerte og de neste 90 dagene',
  benefits: 'Gevinster',
  appendix: 'Vedlegg: forfalte oppgaver',
} as const;

/** The name of a fixed value, or the value itself for one Samla has no name for. */
const named = (labels: Readonly<Record<string, string>>, value: string): string => (Object.hasOwn(labels, value) ? labels[value]! : value);
const benefitStatusCounts: Readonly<Record<string, readonly [string, string]>> = vocabulary.benefitStatusCount;

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fonts = { regular: path.join(fontDir, 'DejaVuSans.ttf'), bold: path.join(fontDir, 'DejaVuSans-Bold.ttf') };

const grey = { header: '#d9d9d9', stripe: '#f2f2f2', line: '#8c8c8c', text: '#000000', muted: '#404040' };
const margin = { top: 56, bottom: 64, left: 56, right: 56 };
const cellPadding = 4;
/** A cell never grows past this: a table row must fit on one page. */
const maxCellChars = 1200;

type Doc = PDFKit.PDFDocument;
interface Column {
  header: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right';
}

const percent = (progress: Progress) => (progress.percent === null ? '–' : `${progress.percent} %`);
const clip = (text: string) => (text.length > maxCellChars ? `${text.slice(0, maxCellChars - 1)}…` : text);

export async function renderStatusReport(data: StatusReportData): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    lang: 'nb-NO',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: `Statusrapport til styringsgruppen – ${data.merger.name}`,
      Author: 'Samla',
      Subject: `Status for ${data.merger.name}, ${formatDate(data.period.from)}–${formatDate(data.period.to)}`,
      Creator: 'Samla',
      Keywords: 'statusrapport, styringsgruppe, kommunesammenslåing',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('Sans', fonts.regular);
  doc.registerFont('Sans-Bold', fonts.bold);
  doc.font('Sans').fontSize(10).fillColor(grey.text);

  frontPage(doc, data);
  doc.addPage();
  if (data.narrative) narrativeSection(doc, data.narrative);
  readinessSection(doc, data);
  phasesSection(doc, data);
  decisionsSection(doc, data);
  completedSection(doc, data);
  risksSection(doc, data);
  deadlinesSection(doc, data);
  benefitsSection(doc, data);
  doc.addPage();
  appendix(doc, data);
  footers(doc, data);
  doc.end();
  return finished;
}

// ---------------------------------------------------------------- layout helpers

const textWidth = (doc: Doc) => doc.page.width - margin.left - margin.right;
const pageBottom = (doc: Doc) => doc.page.height - margin.bottom;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 90);
  if (doc.y > margin.top + 1) doc.moveDown(1);
  doc
    .font('Sans-Bold')
    .fontSize(15)
    .fillColor(grey.text)
    .text(text, margin.left, doc.y, { width: textWidth(doc) });
  const y = doc.y + 2;
  doc
    .moveTo(margin.left, y)
    .lineTo(margin.left + textWidth(doc), y)
    .lineWidth(0.75)
    .strokeColor(grey.line)
    .stroke();
  doc.y = y + 8;
  doc.font('Sans').fontSize(10);
}

function paragraph(doc: Doc, text: string, options: { bold?: boolean; muted?: boolean } = {}): void {
  doc
    .font(options.bold ? 'Sans-Bold' : 'Sans')
    .fontSize(10)
    .fillColor(options.muted ? grey.muted : grey.text)
    .text(text, margin.left, doc.y, { width: textWidth(doc) });
  doc.fillColor(grey.text).moveDown(0.5);
}

/**
 * A table that wraps its cells and breaks across pages, repeating the header
 * row at the top of each new page. Header on grey, rows striped in light grey.
 */
function table(doc: Doc, columns: Column[], rows: string[][]): void {
  const total = textWidth(doc);
  const widths = columns.map((column) => column.width * total);
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(9);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 2 * cellPadding }))) + 2 * cellPadding;
  };
  const drawRow = (cells: string[], font: string, fill: string | null) => {
    const height = rowHeight(cells, font);
    const top = doc.y;
    if (fill) doc.rect(margin.left, top, total, height).fillColor(fill).fill();
    let x = margin.left;
    doc.font(font).fontSize(9).fillColor(grey.text);
    cells.forEach((cell, i) => {
      doc.text(cell, x + cellPadding, top + cellPadding, { width: widths[i]! - 2 * cellPadding, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    doc
      .moveTo(margin.left, top + height)
      .lineTo(margin.left + total, top + height)
      .lineWidth(0.5)
      .strokeColor(grey.line)
      .stroke();
    doc.x = margin.left;
    doc.y = top + height;
  };
  const headers = columns.map((column) => column.header);
  const drawHeader = () => drawRow(headers, 'Sans-Bold', grey.header);
  const clipped = rows.map((row) => row.map(clip));
  ensureSpace(doc, rowHeight(headers, 'Sans-Bold') + (clipped[0] ? rowHeight(clipped[0], 'Sans') : 0));
  drawHeader();
  clipped.forEach((row, index) => {
    if (doc.y + rowHeight(row, 'Sans') > pageBottom(doc)) {
      doc.addPage();
      drawHeader();
    }
    drawRow(row, 'Sans', index % 2 === 1 ? grey.stripe : null);
  });
  doc.font('Sans').fontSize(10).moveDown(0.8);
}

// ---------------------------------------------------------------- the pages

function frontPage(doc: Doc, data: StatusReportData): void {
  const width = textWidth(doc);
  doc.y = margin.top + 40;
  doc.font('Sans').fontSize(12).fillColor(grey.muted).text('Samla', margin.left, doc.y, { width });
  doc.moveDown(0.5);
  doc.font('Sans-Bold').fontSize(24).fillColor(grey.text).text('Statusrapport til styringsgruppen', { width });
  doc.moveDown(0.4);
  doc.font('Sans-Bold').fontSize(16).text(data.merger.name, { width });
  doc.moveDown(1.2);
  const facts: Array<[string, string]> = [
    ['Ny kommune', data.merger.newMunicipalityName],
    ['Kommunene', data.merger.municipalities.join(', ')],
    ['Sammenslåingsdato', formatDate(data.merger.mergerDate)],
    ['Rapportperiode', `${formatDate(data.period.from)}–${formatDate(data.period.to)}`],
    ['Generert', formatDate(data.today)],
    ...(data.narrative
      ? ([
          ['Utstedt av', data.narrative.issuedBy],
          // A word in capitals, never a colour alone: the report is read printed in black and white.
          ['Samlet status', vocabulary.overallStatus[data.narrative.overallStatus].toUpperCase()],
        ] as Array<[string, string]>)
      : []),
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('Sans-Bold').fontSize(11).text(`${label}:`, margin.left, y, { width: 130 });
    const labelBottom = doc.y;
    doc
      .font('Sans')
      .fontSize(11)
      .text(value, margin.left + 135, y, { width: width - 135 });
    doc.y = Math.max(doc.y, labelBottom) + 4;
  }
  doc.x = margin.left;
  doc.moveDown(1);
  summaryFigures(doc, data);
}

function summaryFigures(doc: Doc, data: StatusReportData): void {
  heading(doc, sectionHeadings.summary);
  const days = data.daysToMerger;
  const figures: Array<[string, string, string]> = [
    [
      'Dager til sammenslåingsdatoen',
      days >= 0 ? String(days) : String(-days),
      days >= 0 ? `til ${formatDate(data.merger.mergerDate)}` : `${pluralWord(-days, 'dag', 'dager')} siden ${formatDate(data.merger.mergerDate)}`,
    ],
    [
      'Samlet fremdrift',
      percent(data.progress),
      `${data.progress.done} av ${plural(data.progress.relevant, 'relevant oppgave', 'relevante oppgaver')} ${pluralWord(data.progress.relevant, 'ferdig', 'ferdige')}`,
    ],
    ['Kritiske områder klare', `${data.readiness.ready} av ${data.readiness.total}`, 'klare til dag én'],
    ['Forfalte oppgaver', String(data.overdueTasks.length), 'frist passert, ikke ferdig'],
    ['Risikoer på rødt nivå', String(data.redRisks.length), `risikoklasse «${data.redClassName}», ikke lukket`],
    ['Gevinster bak plan', `${data.benefits.behind} av ${data.benefits.total}`, 'siste måling bak planen'],
  ];
  const width = textWidth(doc);
  const gap = 10;
  const boxWidth = (width - 2 * gap) / 3;
  const boxHeight = 88;
  const top = doc.y;
  figures.forEach(([label, value, note], index) => {
    const x = margin.left + (index % 3) * (boxWidth + gap);
    const y = top + Math.floor(index / 3) * (boxHeight + gap);
    doc.rect(x, y, boxWidth, boxHeight).lineWidth(0.75).fillAndStroke(grey.stripe, grey.line);
    doc
      .fillColor(grey.text)
      .font('Sans')
      .fontSize(9)
      .text(label, x + 8, y + 8, { width: boxWidth - 16 });
    doc
      .font('Sans-Bold')
      .fontSize(18)
      .text(value, x + 8, doc.y + 2, { width: boxWidth - 16 });
    doc
      .font('Sans')
      .fontSize(8)
      .fillColor(grey.muted)
      .text(note, x + 8, doc.y + 2, { width: boxWidth - 16 });
    doc.fillColor(grey.text);
  });
  doc.x = margin.left;
  doc.y = top + 2 * boxHeight + gap + 12;
}

function narrativeSection(doc: Doc, narrative: ReportNarrative): void {
  heading(doc, narrativeHeadings.section);
  paragraph(doc, `Samlet status: ${vocabulary.overallStatus[narrative.overallStatus].toUpperCase()}`, { bold: true });
  paragraph(doc, clip(narrative.statusReason));
  subheading(doc, narrativeHeadings.mainPoints);
  for (const point of narrative.mainPoints) paragraph(doc, `• ${clip(point)}`);
  subheading(doc, narrativeHeadings.decisionsRequested);
  if (narrative.decisionsRequested.length === 0) paragraph(doc, 'Ingen saker til beslutning denne gangen.');
  narrative.decisionsRequested.forEach((item, index) => paragraph(doc, `${index + 1}. ${clip(item)}`));
}

function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.3);
  doc
    .font('Sans-Bold')
    .fontSize(11.5)
    .fillColor(grey.text)
    .text(text, margin.left, doc.y, { width: textWidth(doc) });
  doc.moveDown(0.3);
  doc.font('Sans').fontSize(10);
}

function readinessSection(doc: Doc, data: StatusReportData): void {
  heading(doc, sectionHeadings.readiness);
  const { ready, total, missing, acceptedDeferrals } = data.readiness;
  paragraph(doc, `${ready} av ${plural(total, 'kritisk løsningsområde', 'kritiske løsningsområder')} er ${pluralWord(total, 'klart', 'klare')} til dag én.`, {
    bold: true,
  });
  if (missing.length === 0) {
    paragraph(
      doc,
      acceptedDeferrals.length === 0
        ? 'Ingenting mangler: alle kritiske områder har et vedtatt veivalg og ferdige oppgaver.'
        : 'Ingenting mangler: alle kritiske områder har et vedtatt veivalg og ferdige oppgaver, eller en godtatt utsettelse.',
    );
  } else {
    paragraph(doc, 'Dette mangler før områdene er klare:');
    table(
      doc,
      [
        { header: 'Løsningsområde', width: 0.45 },
        { header: 'Hva mangler', width: 0.55 },
      ],
      missing.map((item) => [item.areaName, missingText(item)]),
    );
  }
  if (acceptedDeferrals.length > 0) {
    paragraph(doc, 'Utsatt til overgangsfasen med godtatt utsettelse (regnet som klare):');
    table(
      doc,
      [
        { header: 'Løsningsområde', width: 0.35 },
        { header: 'Utsettelsen', width: 0.65 },
      ],
      acceptedDeferrals.map((item) => [item.areaName, `Utsettelse godtatt av ${item.acceptedBy} ${formatDate(item.acceptedOn)}: ${item.reason}`]),
    );
  }
}

/** Why an area is not ready, in the report's words; a deferred area with the veivalg's rationale. */
export function missingText(item: { reasons: string[]; openTasks: number; rationale: string | null }): string {
  return item.reasons
    .map((reason) => {
      if (reason === 'tasks_open') return plural(item.openTasks, 'åpen oppgave', 'åpne oppgaver');
      if (reason === 'deferred' && item.rationale) return `Utsatt til overgangsfasen («${item.rationale}»), utsettelsen er ikke godtatt`;
      return named(vocabulary.readinessReason, reason);
    })
    .join('; ');
}

function phasesSection(doc: Doc, data: StatusReportData): void {
  heading(doc, sectionHeadings.phases);
  paragraph(
    doc,
    `Samlet: ${percent(data.progress)} – ${data.progress.done} av ${plural(data.progress.relevant, 'relevant oppgave', 'relevante oppgaver')} er ${pluralWord(data.progress.relevant, 'ferdig', 'ferdige')}.`,
  );
  table(
    doc,
    [
      { header: 'Fase', width: 0.28 },
      { header: 'Periode', width: 0.2 },
      { header: 'Ferdig', width: 0.1, align: 'right' },
      { header: 'Pågår', width: 0.1, align: 'right' },
      { header: 'Ikke startet', width: 0.1, align: 'right' },
      { header: 'Forfalt', width: 0.1, align: 'right' },
      { header: 'Fremdrift', width: 0.12, align: 'right' },
    ],
    data.phases.map((phase) => [
      `${phase.number}. ${phase.name}`,
      phase.start && phase.end ? `${formatDate(phase.start)}–${formatDate(phase.end)}` : '–',
      String(phase.progress.done),
      String(phase.progress.inProgress),
      String(phase.progress.notStarted),
      String(phase.progress.overdue),
      percent(phase.progress),
    ]),
  );
}

function completedSection(doc: Doc, data: StatusReportData): void {
  heading(doc, sectionHeadings.completed);
  if (data.completedTasks.length === 0) {
    paragraph(doc, 'Ingen oppgaver ble satt som ferdige i perioden.');
    return;
  }
  paragraph(
    doc,
    `${plural(data.completedTasks.length, 'oppgave', 'oppgaver')} ble satt som ${pluralWord(data.completedTasks.length, 'ferdig', 'ferdige')} i perioden.`,
  );
  table(
    doc,
    [
      { header: 'Fase', width: 0.08, align: 'right' },
      { header: 'Oppgave', width: 0.52 },
      { header: 'Ansvarlig', width: 0.25 },
      { header: 'Ferdig', width: 0.15 },
    ],
    data.completedTasks.map((task) => [String(task.phase), task.title, task.responsible ?? '–', formatDate(task.completedOn)]),
  );
}

function decisionsSection(doc: Doc, data: StatusReportData): void {
  heading(doc, sectionHeadings.decisions);
  if (data.decisions.length === 0) {
    paragraph(doc, 'Ingen veivalg ble vedtatt i perioden.');
    return;
  }
  paragraph(doc, `${plural(data.decisions.length, 'veivalg', 'veivalg')} vedtatt i perioden.`);
  table(
    doc,
    [
      { header: 'Løsningsområde', width: 0.25 },
      { header: 'Veivalg', width: 0.14 },
      { header: 'Løsning', width: 0.21 },
      { header: 'Vedtak', width: 0.4 },
    ],
    data.decisions.map((decision) => [
      decision.areaName,
      named(vocabulary.decisionOutcome, decision.outcome),
      decision.targetSystemName ?? '–',
      decisionOnRecord(decision),
    ]),
  );
}

/**
 * Who decided, at which meeting, and where the archive has it (decision 038); then who registered it
 * in Samla and when. A veivalg adopted before decisions were on record has only the second line.
 */
export function decisionOnRecord(decision: StatusReportData['decisions'][number]): string {
  const registered = `${formatDate(decision.decidedOn)}${decision.decidedBy ? `, ${decision.decidedBy}` : ''}`;
  const record = decision.record;
  if (!record) return registered;
  return [
    `${record.maker}, møte ${formatDate(record.meetingDate)}`,
    record.caseNumber ? `Saksnr. ${record.caseNumber}` : '',
    record.archiveUrl ?? '',
    `Registrert ${registered}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function risksSection(doc: Doc, data: StatusReportData): void {
  heading(doc, sectionHeadings.risks);
  if (data.redRisks.length === 0) {
    paragraph(doc, `Ingen åpne risikoer på rødt nivå (risikoklasse «${data.redClassName}»).`);
    return;
  }
  paragraph(doc, `Rødt nivå er matrisens høyeste risikoklasse, «${data.redClassName}». Lukkede risikoer er ikke med.`, { muted: true });
  table(
    doc,
    [
      { header: 'Risiko', width: 0.3 },
      { header: 'Nivå og status', width: 0.22 },
      { header: 'Tiltak', width: 0.48 },
    ],
    data.redRisks.map((risk) => [
      risk.owner ? `${risk.title}\nEier: ${risk.owner}` : risk.title,
      [
        `${risk.className} (S${risk.likelihood ?? '–'} × K${risk.consequence ?? '–'})`,
        named(vocabulary.riskStatus, risk.status),
        risk.residualClassName ? `Etter tiltak: ${risk.residualClassName}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      risk.mitigations.length === 0
        ? 'Ingen tiltak registrert'
        : risk.mitigations
            .map(
              (mitigation) =>
                `• ${mitigation.title} – ${named(vocabulary.mitigationStatus, mitigation.status)}` +
                (mitigation.deadline ? `, frist ${formatDate(mitigation.deadline)}` : '') +
                (mitigation.owner ? `, ${mitigation.owner}` : ''),
            )
            .join('\n'),
    ]),
  );
}

function deadlinesSection(doc: Doc, data: StatusReportData): void {
  heading(doc, sectionHeadings.deadlines);
  if (data.deadlines.length === 0) {
    paragraph(doc, `Ingen passerte avtalefrister, og ingen fra ${formatDate(data.today)} og 90 dager fram.`);
    return;
  }
  table(
    doc,
    [
      { header: 'Frist', width: 0.14 },
      { header: 'Dager igjen', width: 0.1, align: 'right' },
      { header: 'Avtale', width: 0.3 },
      { header: 'Kommune', width: 0.16 },
      { header: 'Hva skal skje', width: 0.3 },
    ],
    data.deadlines.map((deadline) => [
      formatDate(deadline.deadline),
      // In words, not a minus sign: the report is read printed, in black and white.
      deadline.daysLeft < 0 ? 'Passert' : String(deadline.daysLeft),
      deadline.subject ? `${deadline.vendor} – ${deadline.subject}` : deadline.vendor,
      deadline.municipality,
      // A contract that runs out too early says so in the sentence the Avtalefrister page uses.
      (deadline.action === 'extend_before_merger' || deadline.action === 'extend_until_retired'
        ? contractActionText(deadline)
        : vocabulary.contractActionHeading[deadline.action]) + (deadline.legalReview ? ' (juridisk vurdering)' : ''),
    ]),
  );
}

function benefitsSection(doc: Doc, data: StatusReportData): void {
  heading(doc, sectionHeadings.benefits);
  const { total, behind, byStatus, list } = data.benefits;
  if (total === 0) {
    paragraph(doc, 'Ingen gevinster er registrert.');
    return;
  }
  const counts = Object.entries(byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => {
      const [one, other] = benefitStatusCounts[status] ?? [status, status];
      return plural(count, one, other);
    })
    .join(', ');
  paragraph(doc, `${plural(total, 'gevinst', 'gevinster')}: ${counts}. ${behind} bak plan.`, { bold: true });
  const sorted = [...list].sort((a, b) => Number(b.behindCount > 0) - Number(a.behindCount > 0));
  table(
    doc,
    [
      { header: 'Gevinst', width: 0.28 },
      { header: 'Status', width: 0.15 },
      { header: 'Eier', width: 0.21 },
      { header: 'Realiseres', width: 0.14 },
      { header: 'Måling', width: 0.22 },
    ],
    sorted.map((benefit) => [
      benefit.title,
      named(vocabulary.benefitStatus, benefit.status),
      benefit.owner ?? '–',
      benefit.plannedRealisationDate ? formatDate(benefit.plannedRealisationDate) : '–',
      benefit.indicatorCount === 0
        ? 'Ingen indikatorer'
        : benefit.behindCount > 0
          ? `BAK PLAN: ${benefit.behindCount} av ${plural(benefit.indicatorCount, 'indikator', 'indikatorer')}`
          : `I rute (${plural(benefit.indicatorCount, 'indikator', 'indikatorer')})`,
    ]),
  );
}

function appendix(doc: Doc, data: StatusReportData): void {
  heading(doc, sectionHeadings.appendix);
  if (data.overdueTasks.length === 0) {
    paragraph(doc, `Ingen oppgaver hadde passert fristen ${formatDate(data.today)}.`);
    return;
  }
  const overdue = data.overdueTasks.length;
  paragraph(
    doc,
    `${plural(overdue, 'oppgave', 'oppgaver')} har passert fristen og er ikke ${pluralWord(overdue, 'ferdig', 'ferdige')} (per ${formatDate(data.today)}).`,
  );
  const sorted = [...data.overdueTasks].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.phase - b.phase);
  table(
    doc,
    [
      { header: 'Fase', width: 0.07, align: 'right' },
      { header: 'Oppgave', width: 0.5 },
      { header: 'Ansvarlig', width: 0.19 },
      { header: 'Frist', width: 0.13 },
      { header: 'Dager over', width: 0.11, align: 'right' },
    ],
    sorted.map((task) => [String(task.phase), task.title, task.responsible ?? '–', formatDate(task.dueDate), String(task.daysOver)]),
  );
}

/** «Side N av M» and the report's name on every page, written once all pages exist. */
function footers(doc: Doc, data: StatusReportData): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - margin.bottom + 24;
    const width = textWidth(doc);
    doc.font('Sans').fontSize(8).fillColor(grey.muted);
    doc.text(`Statusrapport – ${data.merger.name}`, margin.left, y, { width: width * 0.7, lineBreak: false, ellipsis: true, height: 12 });
    doc.text(`Side ${index + 1} av ${range.count}`, margin.left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(grey.text);
}
