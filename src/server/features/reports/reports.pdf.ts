import { createRequire } from 'node:module';
import path from 'node:path';
import { loadPdfKit } from '#server/platform/workers/lazy-modules.ts';
import type { Progress } from '#shared/contracts/plan.tasks.ts';
import { contractActionText } from '#server/features/contract-deadlines/contract-deadline-text.ts';
import type { ContractAction } from '#server/features/contract-deadlines/contract-deadlines.domain.ts';
import type { Language } from '#shared/language.ts';
import type { OverallStatus } from '#shared/contracts/reports.ts';
import type { ReportPeriod } from './reports.domain.ts';
import { countIn, reportTexts, type ReportTexts } from './reports.texts.ts';

/**
 * Draws the steering group's status report with pdfkit. Black text on white
 * with grey shades only: every status is a word, never a colour alone, so the
 * report reads the same printed in black and white. DejaVu Sans (regular and
 * bold) is embedded as TrueType; pdfkit subsets it, æøå included.
 *
 * Every word is in the merger's målform, `data.language` (issue 22), from reports.texts.ts;
 * names and texts the team wrote are drawn as they are.
 */

export interface StatusReportData {
  /** The merger's document language: every heading, label, sentence and date in the report. */
  language: Language;
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

/** The issued report's own section, first after the front page (bokmål; other languages in reportTexts). */
export const narrativeHeadings = {
  section: reportTexts.nb.narrative.section,
  mainPoints: reportTexts.nb.narrative.mainPoints,
  decisionsRequested: reportTexts.nb.narrative.decisionsRequested,
} as const;

/** The report's section headings in bokmål; `reportTexts[language].sections` in each language. */
export const sectionHeadings = reportTexts.nb.sections;

/** The name of a fixed value, or the value itself for one Samla has no name for. */
const named = (labels: Readonly<Record<string, string>>, value: string): string => (Object.hasOwn(labels, value) ? labels[value]! : value);

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fonts = { regular: path.join(fontDir, 'DejaVuSans.ttf'), bold: path.join(fontDir, 'DejaVuSans-Bold.ttf') };

const grey = { header: '#d9d9d9', stripe: '#f2f2f2', line: '#8c8c8c', text: '#000000', muted: '#404040' };
const margin = { top: 56, bottom: 64, left: 56, right: 56 };
const cellPadding = 4;
/** A cell never grows past this: a table row must fit on one page. */
const maxCellChars = 1200;

type Doc = PDFKit.PDFDocument;
/** The report's words in its language, and the language for counts. */
interface Words {
  t: ReportTexts;
  language: Language;
}
interface Column {
  header: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right';
}

const percent = (t: ReportTexts, progress: Progress) => (progress.percent === null ? '–' : t.percent(progress.percent));
const clip = (text: string) => (text.length > maxCellChars ? `${text.slice(0, maxCellChars - 1)}…` : text);

export async function renderStatusReport(data: StatusReportData): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const words: Words = { t: reportTexts[data.language], language: data.language };
  const { t } = words;
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    lang: t.pdfLang,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: t.info.title(data.merger.name),
      Author: 'Samla',
      Subject: t.info.subject(data.merger.name, `${t.date(data.period.from)}–${t.date(data.period.to)}`),
      Creator: 'Samla',
      Keywords: t.info.keywords,
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

  frontPage(doc, data, words);
  doc.addPage();
  if (data.narrative) narrativeSection(doc, data.narrative, words);
  readinessSection(doc, data, words);
  phasesSection(doc, data, words);
  decisionsSection(doc, data, words);
  completedSection(doc, data, words);
  risksSection(doc, data, words);
  deadlinesSection(doc, data, words);
  benefitsSection(doc, data, words);
  doc.addPage();
  appendix(doc, data, words);
  footers(doc, data, words);
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
 * The columns' widths: their shares of `total`, except that a column whose header has a word
 * too long to fit («Forfalne», «Overdue» in a narrow column of counts) is widened to it, taking
 * the room from the columns with more than their own longest header word. pdfkit would
 * otherwise break the word mid-way. Headers that fit (all of bokmål's) leave the shares as they are.
 */
function fitHeaders(doc: Doc, columns: Column[], total: number): number[] {
  const widths = columns.map((column) => column.width * total);
  doc.font('Sans-Bold').fontSize(9);
  const least = columns.map((column) => Math.max(...column.header.split(/\s+/).map((word) => doc.widthOfString(word))) + 2 * cellPadding);
  const missing = widths.reduce((sum, width, i) => sum + Math.max(0, least[i]! - width), 0);
  if (missing === 0) return widths;
  const slack = widths.map((width, i) => Math.max(0, width - least[i]!));
  const spare = slack.reduce((sum, room) => sum + room, 0);
  if (spare < missing) return widths;
  return widths.map((width, i) => (width < least[i]! ? least[i]! : width - (slack[i]! / spare) * missing));
}

/**
 * A table that wraps its cells and breaks across pages, repeating the header
 * row at the top of each new page. Header on grey, rows striped in light grey.
 */
function table(doc: Doc, columns: Column[], rows: string[][]): void {
  const total = textWidth(doc);
  const widths = fitHeaders(doc, columns, total);
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

function frontPage(doc: Doc, data: StatusReportData, { t }: Words): void {
  const width = textWidth(doc);
  doc.y = margin.top + 40;
  doc.font('Sans').fontSize(12).fillColor(grey.muted).text('Samla', margin.left, doc.y, { width });
  doc.moveDown(0.5);
  doc.font('Sans-Bold').fontSize(24).fillColor(grey.text).text(t.title, { width });
  doc.moveDown(0.4);
  doc.font('Sans-Bold').fontSize(16).text(data.merger.name, { width });
  doc.moveDown(1.2);
  const facts: Array<[string, string]> = [
    [t.facts.newMunicipality, data.merger.newMunicipalityName],
    [t.facts.municipalities, data.merger.municipalities.join(', ')],
    [t.facts.mergerDate, t.date(data.merger.mergerDate)],
    [t.facts.period, `${t.date(data.period.from)}–${t.date(data.period.to)}`],
    [t.facts.generated, t.date(data.today)],
    ...(data.narrative
      ? ([
          [t.facts.issuedBy, data.narrative.issuedBy],
          // A word in capitals, never a colour alone: the report is read printed in black and white.
          [t.facts.overallStatus, t.vocabulary.overallStatus[data.narrative.overallStatus].toUpperCase()],
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
  summaryFigures(doc, data, t);
}

function summaryFigures(doc: Doc, data: StatusReportData, t: ReportTexts): void {
  heading(doc, t.sections.summary);
  const days = data.daysToMerger;
  const f = t.figures;
  const figures: Array<[string, string, string]> = [
    [
      f.daysToMerger,
      days >= 0 ? String(days) : String(-days),
      days >= 0 ? f.untilMerger(t.date(data.merger.mergerDate)) : f.sinceMerger(-days, t.date(data.merger.mergerDate)),
    ],
    [f.progress, percent(t, data.progress), f.progressNote(data.progress.done, data.progress.relevant)],
    [f.areasReady, f.ofTotal(data.readiness.ready, data.readiness.total), f.areasReadyNote],
    [f.overdue, String(data.overdueTasks.length), f.overdueNote],
    [f.redRisks, String(data.redRisks.length), f.redRisksNote(data.redClassName)],
    [f.benefitsBehind, f.ofTotal(data.benefits.behind, data.benefits.total), f.benefitsBehindNote],
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

function narrativeSection(doc: Doc, narrative: ReportNarrative, { t }: Words): void {
  heading(doc, t.narrative.section);
  paragraph(doc, t.narrative.overallStatus(t.vocabulary.overallStatus[narrative.overallStatus].toUpperCase()), { bold: true });
  paragraph(doc, clip(narrative.statusReason));
  subheading(doc, t.narrative.mainPoints);
  for (const point of narrative.mainPoints) paragraph(doc, `• ${clip(point)}`);
  subheading(doc, t.narrative.decisionsRequested);
  if (narrative.decisionsRequested.length === 0) paragraph(doc, t.narrative.noDecisionsRequested);
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

function readinessSection(doc: Doc, data: StatusReportData, { t }: Words): void {
  heading(doc, t.sections.readiness);
  const { ready, total, missing, acceptedDeferrals } = data.readiness;
  paragraph(doc, t.readiness.summary(ready, total), { bold: true });
  if (missing.length === 0) {
    paragraph(doc, acceptedDeferrals.length === 0 ? t.readiness.nothingMissing : t.readiness.nothingMissingOrDeferred);
  } else {
    paragraph(doc, t.readiness.missingLead);
    table(
      doc,
      [
        { header: t.readiness.area, width: 0.45 },
        { header: t.readiness.whatIsMissing, width: 0.55 },
      ],
      missing.map((item) => [item.areaName, missingText(item, data.language)]),
    );
  }
  if (acceptedDeferrals.length > 0) {
    paragraph(doc, t.readiness.deferredLead);
    table(
      doc,
      [
        { header: t.readiness.area, width: 0.35 },
        { header: t.readiness.deferral, width: 0.65 },
      ],
      acceptedDeferrals.map((item) => [item.areaName, t.readiness.accepted(item.acceptedBy, t.date(item.acceptedOn), item.reason)]),
    );
  }
}

/** Why an area is not ready, in the report's words; a deferred area with the veivalg's rationale. */
export function missingText(item: { reasons: string[]; openTasks: number; rationale: string | null }, language: Language = 'nb'): string {
  const t = reportTexts[language];
  return item.reasons
    .map((reason) => {
      if (reason === 'tasks_open') return t.readiness.openTasks(item.openTasks);
      if (reason === 'deferred' && item.rationale) return t.readiness.deferredNotAccepted(item.rationale);
      return named(t.vocabulary.readinessReason, reason);
    })
    .join('; ');
}

function phasesSection(doc: Doc, data: StatusReportData, { t }: Words): void {
  heading(doc, t.sections.phases);
  paragraph(doc, t.phases.summary(percent(t, data.progress), data.progress.done, data.progress.relevant));
  table(
    doc,
    [
      { header: t.phases.phase, width: 0.28 },
      { header: t.phases.period, width: 0.2 },
      { header: t.phases.done, width: 0.1, align: 'right' },
      { header: t.phases.inProgress, width: 0.1, align: 'right' },
      { header: t.phases.notStarted, width: 0.1, align: 'right' },
      { header: t.phases.overdue, width: 0.1, align: 'right' },
      { header: t.phases.progress, width: 0.12, align: 'right' },
    ],
    data.phases.map((phase) => [
      `${phase.number}. ${phase.name}`,
      phase.start && phase.end ? `${t.date(phase.start)}–${t.date(phase.end)}` : '–',
      String(phase.progress.done),
      String(phase.progress.inProgress),
      String(phase.progress.notStarted),
      String(phase.progress.overdue),
      percent(t, phase.progress),
    ]),
  );
}

function completedSection(doc: Doc, data: StatusReportData, { t }: Words): void {
  heading(doc, t.sections.completed);
  if (data.completedTasks.length === 0) {
    paragraph(doc, t.completed.none);
    return;
  }
  paragraph(doc, t.completed.summary(data.completedTasks.length));
  table(
    doc,
    [
      { header: t.completed.phase, width: 0.08, align: 'right' },
      { header: t.completed.task, width: 0.52 },
      { header: t.completed.responsible, width: 0.25 },
      { header: t.completed.done, width: 0.15 },
    ],
    data.completedTasks.map((task) => [String(task.phase), task.title, task.responsible ?? '–', t.date(task.completedOn)]),
  );
}

function decisionsSection(doc: Doc, data: StatusReportData, { t }: Words): void {
  heading(doc, t.sections.decisions);
  if (data.decisions.length === 0) {
    paragraph(doc, t.decisions.none);
    return;
  }
  paragraph(doc, t.decisions.summary(data.decisions.length));
  table(
    doc,
    [
      { header: t.decisions.area, width: 0.25 },
      { header: t.decisions.decision, width: 0.14 },
      { header: t.decisions.solution, width: 0.21 },
      { header: t.decisions.record, width: 0.4 },
    ],
    data.decisions.map((decision) => [
      decision.areaName,
      named(t.vocabulary.decisionOutcome, decision.outcome),
      decision.targetSystemName ?? '–',
      decisionOnRecord(decision, data.language),
    ]),
  );
}

/**
 * Who decided, at which meeting, and where the archive has it (decision 038); then who registered it
 * in Samla and when. A veivalg adopted before decisions were on record has only the second line.
 */
export function decisionOnRecord(decision: StatusReportData['decisions'][number], language: Language = 'nb'): string {
  const t = reportTexts[language];
  const registered = `${t.date(decision.decidedOn)}${decision.decidedBy ? `, ${decision.decidedBy}` : ''}`;
  const record = decision.record;
  if (!record) return registered;
  return [
    t.decisions.meeting(record.maker, t.date(record.meetingDate)),
    record.caseNumber ? t.decisions.caseNumber(record.caseNumber) : '',
    record.archiveUrl ?? '',
    t.decisions.registered(registered),
  ]
    .filter(Boolean)
    .join('\n');
}

function risksSection(doc: Doc, data: StatusReportData, { t }: Words): void {
  heading(doc, t.sections.risks);
  if (data.redRisks.length === 0) {
    paragraph(doc, t.risks.none(data.redClassName));
    return;
  }
  paragraph(doc, t.risks.lead(data.redClassName), { muted: true });
  table(
    doc,
    [
      { header: t.risks.risk, width: 0.3 },
      { header: t.risks.levelAndStatus, width: 0.22 },
      { header: t.risks.measures, width: 0.48 },
    ],
    data.redRisks.map((risk) => [
      risk.owner ? `${risk.title}\n${t.risks.owner(risk.owner)}` : risk.title,
      [
        t.risks.cell(risk.className, String(risk.likelihood ?? '–'), String(risk.consequence ?? '–')),
        named(t.vocabulary.riskStatus, risk.status),
        risk.residualClassName ? t.risks.residual(risk.residualClassName) : '',
      ]
        .filter(Boolean)
        .join('\n'),
      risk.mitigations.length === 0
        ? t.risks.noMeasures
        : risk.mitigations
            .map(
              (mitigation) =>
                `• ${mitigation.title} – ${named(t.vocabulary.mitigationStatus, mitigation.status)}` +
                (mitigation.deadline ? t.risks.due(t.date(mitigation.deadline)) : '') +
                (mitigation.owner ? `, ${mitigation.owner}` : ''),
            )
            .join('\n'),
    ]),
  );
}

/** What must happen with a contract by its deadline, as the Avtalefrister page says it. */
function contractAction(deadline: StatusReportData['deadlines'][number], { t, language }: Words): string {
  if (deadline.action !== 'extend_before_merger' && deadline.action !== 'extend_until_retired') return t.vocabulary.contractActionHeading[deadline.action];
  // Bokmål keeps the one sentence the calendar feed and the page share; the other languages say the same.
  if (language === 'nb') return contractActionText(deadline);
  return t.deadlines.mustExtend(t.vocabulary.contractActionHeading[deadline.action], t.date(deadline.deadline));
}

function deadlinesSection(doc: Doc, data: StatusReportData, words: Words): void {
  const { t } = words;
  heading(doc, t.sections.deadlines);
  if (data.deadlines.length === 0) {
    paragraph(doc, t.deadlines.none(t.date(data.today)));
    return;
  }
  table(
    doc,
    [
      { header: t.deadlines.deadline, width: 0.14 },
      { header: t.deadlines.daysLeft, width: 0.1, align: 'right' },
      { header: t.deadlines.agreement, width: 0.3 },
      { header: t.deadlines.municipality, width: 0.16 },
      { header: t.deadlines.action, width: 0.3 },
    ],
    data.deadlines.map((deadline) => [
      t.date(deadline.deadline),
      // In words, not a minus sign: the report is read printed, in black and white.
      deadline.daysLeft < 0 ? t.deadlines.passed : String(deadline.daysLeft),
      deadline.subject ? `${deadline.vendor} – ${deadline.subject}` : deadline.vendor,
      deadline.municipality,
      // A contract that runs out too early says so in the sentence the Avtalefrister page uses.
      contractAction(deadline, words) + (deadline.legalReview ? t.deadlines.legalReview : ''),
    ]),
  );
}

function benefitsSection(doc: Doc, data: StatusReportData, { t, language }: Words): void {
  heading(doc, t.sections.benefits);
  const { total, behind, byStatus, list } = data.benefits;
  if (total === 0) {
    paragraph(doc, t.benefits.none);
    return;
  }
  const benefitStatusCounts: Readonly<Record<string, readonly [string, string]>> = t.vocabulary.benefitStatusCount;
  const counts = Object.entries(byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => {
      const [one, other] = benefitStatusCounts[status] ?? [status, status];
      return countIn(language, count, one, other);
    })
    .join(', ');
  paragraph(doc, t.benefits.summary(total, counts, behind), { bold: true });
  const sorted = [...list].sort((a, b) => Number(b.behindCount > 0) - Number(a.behindCount > 0));
  table(
    doc,
    [
      { header: t.benefits.benefit, width: 0.28 },
      { header: t.benefits.status, width: 0.15 },
      { header: t.benefits.owner, width: 0.21 },
      { header: t.benefits.realised, width: 0.14 },
      { header: t.benefits.measurement, width: 0.22 },
    ],
    sorted.map((benefit) => [
      benefit.title,
      named(t.vocabulary.benefitStatus, benefit.status),
      benefit.owner ?? '–',
      benefit.plannedRealisationDate ? t.date(benefit.plannedRealisationDate) : '–',
      benefit.indicatorCount === 0
        ? t.benefits.noIndicators
        : benefit.behindCount > 0
          ? t.benefits.behind(benefit.behindCount, benefit.indicatorCount)
          : t.benefits.onTrack(benefit.indicatorCount),
    ]),
  );
}

function appendix(doc: Doc, data: StatusReportData, { t }: Words): void {
  heading(doc, t.sections.appendix);
  if (data.overdueTasks.length === 0) {
    paragraph(doc, t.appendix.none(t.date(data.today)));
    return;
  }
  paragraph(doc, t.appendix.summary(data.overdueTasks.length, t.date(data.today)));
  const sorted = [...data.overdueTasks].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.phase - b.phase);
  table(
    doc,
    [
      { header: t.appendix.phase, width: 0.07, align: 'right' },
      { header: t.appendix.task, width: 0.5 },
      { header: t.appendix.responsible, width: 0.19 },
      { header: t.appendix.due, width: 0.13 },
      { header: t.appendix.daysOver, width: 0.11, align: 'right' },
    ],
    sorted.map((task) => [String(task.phase), task.title, task.responsible ?? '–', t.date(task.dueDate), String(task.daysOver)]),
  );
}

/** «Side N av M» and the report's name on every page, written once all pages exist. */
function footers(doc: Doc, data: StatusReportData, { t }: Words): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - margin.bottom + 24;
    const width = textWidth(doc);
    doc.font('Sans').fontSize(8).fillColor(grey.muted);
    doc.text(t.footer.report(data.merger.name), margin.left, y, { width: width * 0.7, lineBreak: false, ellipsis: true, height: 12 });
    doc.text(t.footer.page(index + 1, range.count), margin.left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(grey.text);
}
