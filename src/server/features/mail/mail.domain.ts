/**
 * What Samla's e-mails say and when they go (decision 037): pure functions
 * over plain data, so the wording, the escaping and the schedule are tested
 * without a database or an SMTP server.
 */
import { plural } from '#shared/plural.ts';
import { documentDate } from '#shared/document-date.ts';
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { addDays, startOfDayInOslo, todayInOslo } from '#shared/calendar-dates.ts';
import { defaultMailDeliveries, type NotificationMailDelivery } from '#shared/contracts/mail.ts';
import type { NotificationKind } from '#shared/contracts/notifications.ts';

export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

/** A person's choices as stored: only those that differ from the default need to be there. */
export type StoredPreferences = ReadonlyMap<string, string>;

export function deliveryFor(preferences: StoredPreferences, kind: NotificationKind): NotificationMailDelivery {
  const stored = preferences.get(kind);
  return stored === 'immediate' || stored === 'daily' || stored === 'off' ? stored : defaultMailDeliveries[kind];
}

export function wantsWeeklyDigest(preferences: StoredPreferences): boolean {
  return preferences.get('weekly_digest') !== 'off';
}

/** The web page where a person changes what Samla mails them. */
export const settingsPath = '/meg/varslingsinnstillinger';

/** The local hour (Europe/Oslo) the daily summary and the Monday summary are made: before the working day starts. */
export const digestHour = 7;

/**
 * The daily summary due now, as the Norwegian date it belongs to, or null
 * before 07:00 Oslo time. A node that was down at 07:00 makes it when it is
 * back: the outbox's key makes it once per person and day whichever node does.
 */
export function dailyDigestDue(now: Date): string | null {
  const today = todayInOslo(now);
  return now.getTime() >= startOfDayInOslo(today).getTime() + digestHour * 3_600_000 ? today : null;
}

/** Monday of the week `date` (YYYY-MM-DD) falls in. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The week whose Monday summary is due now (its Monday), or null before Monday 07:00 of this week. */
export function weeklyDigestDue(now: Date): string | null {
  const monday = mondayOf(todayInOslo(now));
  return now.getTime() >= startOfDayInOslo(monday).getTime() + digestHour * 3_600_000 ? monday : null;
}

/** Wait before the next try after `attempts` failed ones: doubling from `baseMs`, at most six hours. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** After this many failed tries a mail is given up (with the error kept on its row): about two days of back-off. */
export const maxAttempts = 14;

export function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** A subject is one line: a title with a line break in it must not start a new mail header. */
function oneLine(value: string, max = 200): string {
  const line = value.replaceAll(/[\r\n\t\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** An app path on the public address; the address may have a path of its own (https://kommune.no/samla). */
export function absoluteLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A date in a mail, as `language` writes it (31.08.2027; «31 Aug 2027» in English). */
export function formatDate(isoDate: string, language: Language = 'nb'): string {
  return documentDate(isoDate, language);
}

/**
 * Everything a mail says in its own words, per language (decision 040). A mail about one
 * merger is in that merger's målform; a summary across mergers in the reader's language.
 * Names, titles and comments people wrote are quoted as they are.
 */
interface MailWords {
  someone: string;
  happened: Record<NotificationKind, (who: string, title: string) => string>;
  subject: Record<NotificationKind, (who: string, title: string) => string>;
  inMerger: (happened: string, mergerName: string) => string;
  open: (link: string) => string;
  openTitle: (title: string) => string;
  footer: string;
  footerLink: string;
  dailySubject: (count: number, mergerNames: string) => string;
  dailyIntro: (date: string) => string;
  weeklySubject: (mergerName: string, changes: number, overdue: number, dueNextWeek: number) => string;
  weeklyIntro: (mergerName: string, monday: string) => string;
  due: (date: string) => string;
  moreChanges: (count: number, link: string) => string;
  moreInHistory: (count: number) => string;
  changedLastWeek: string;
  noChanges: string;
  overdue: string;
  noOverdue: string;
  dueNextWeek: string;
  noneDueNextWeek: string;
  openMerger: (link: string) => string;
  openMergerInSamla: string;
}

/** English plural: «1 notification», «2 notifications». */
const enPlural = (count: number, one: string, other: string) => `${count} ${count === 1 ? one : other}`;

const words: Readonly<Record<Language, MailWords>> = {
  nb: {
    someone: 'Noen',
    happened: {
      assigned: (who, title) => `${who} har gjort deg ansvarlig for ${title}`,
      mentioned: (who, title) => `${who} nevnte deg i en kommentar på ${title}`,
      due_soon: (_, title) => `Fristen for ${title} er om under en uke`,
      overdue: (_, title) => `Fristen for ${title} er passert`,
      decision_adopted: (_, title) => `Veivalget ${title} er vedtatt i et område der du har oppgaver`,
      comment: (who, title) => `${who} kommenterte ${title}`,
    },
    subject: {
      assigned: (_, title) => `Du er ansvarlig: ${title}`,
      mentioned: (who, title) => `${who} nevnte deg: ${title}`,
      due_soon: (_, title) => `Frist snart: ${title}`,
      overdue: (_, title) => `Forfalt: ${title}`,
      decision_adopted: (_, title) => `Veivalg vedtatt: ${title}`,
      comment: (_, title) => `Ny kommentar: ${title}`,
    },
    inMerger: (happened, mergerName) => `${happened} i ${mergerName}.`,
    open: (link) => `Åpne i Samla: ${link}`,
    openTitle: (title) => `Åpne «${title}» i Samla`,
    footer: 'Du får denne e-posten fra Samla fordi du er med i sammenslåingen.',
    footerLink: 'Velg hva du vil få på e-post',
    dailySubject: (count, mergerNames) => `Daglig sammendrag fra Samla: ${plural(count, 'varsel', 'varsler')} – ${mergerNames}`,
    dailyIntro: (date) => `Dette har skjedd siden forrige sammendrag (${date}):`,
    weeklySubject: (mergerName, changes, overdue, dueNextWeek) =>
      `Ukesoppsummering for ${mergerName}: ${plural(changes, 'endring', 'endringer')}, ${overdue} forfalt, ${dueNextWeek} med frist neste uke`,
    weeklyIntro: (mergerName, monday) => `Oppsummering for ${mergerName}, uken før ${monday}.`,
    due: (date) => `frist ${date}`,
    moreChanges: (count, link) => `… og ${count} til: ${link}`,
    moreInHistory: (count) => `… og ${count} til i historikken`,
    changedLastWeek: 'Endret sist uke',
    noChanges: 'Ingen endringer.',
    overdue: 'Forfalt',
    noOverdue: 'Ingen forfalte oppgaver.',
    dueNextWeek: 'Frist neste uke',
    noneDueNextWeek: 'Ingen oppgaver med frist neste uke.',
    openMerger: (link) => `Åpne sammenslåingen: ${link}`,
    openMergerInSamla: 'Åpne sammenslåingen i Samla',
  },
  nn: {
    someone: 'Nokon',
    happened: {
      assigned: (who, title) => `${who} har gjort deg ansvarleg for ${title}`,
      mentioned: (who, title) => `${who} nemnde deg i ein kommentar på ${title}`,
      due_soon: (_, title) => `Fristen for ${title} er om under ei veke`,
      overdue: (_, title) => `Fristen for ${title} er passert`,
      decision_adopted: (_, title) => `Vegvalet ${title} er vedteke i eit område der du har oppgåver`,
      comment: (who, title) => `${who} kommenterte ${title}`,
    },
    subject: {
      assigned: (_, title) => `Du er ansvarleg: ${title}`,
      mentioned: (who, title) => `${who} nemnde deg: ${title}`,
      due_soon: (_, title) => `Frist snart: ${title}`,
      overdue: (_, title) => `Over fristen: ${title}`,
      decision_adopted: (_, title) => `Vegval vedteke: ${title}`,
      comment: (_, title) => `Ny kommentar: ${title}`,
    },
    inMerger: (happened, mergerName) => `${happened} i ${mergerName}.`,
    open: (link) => `Opne i Samla: ${link}`,
    openTitle: (title) => `Opne «${title}» i Samla`,
    footer: 'Du får denne e-posten frå Samla fordi du er med i samanslåinga.',
    footerLink: 'Vel kva du vil få på e-post',
    dailySubject: (count, mergerNames) => `Dagleg samandrag frå Samla: ${plural(count, 'varsel', 'varsel')} – ${mergerNames}`,
    dailyIntro: (date) => `Dette har skjedd sidan førre samandrag (${date}):`,
    weeklySubject: (mergerName, changes, overdue, dueNextWeek) =>
      `Vekeoppsummering for ${mergerName}: ${plural(changes, 'endring', 'endringar')}, ${overdue} forfalne, ${dueNextWeek} med frist neste veke`,
    weeklyIntro: (mergerName, monday) => `Oppsummering for ${mergerName}, veka før ${monday}.`,
    due: (date) => `frist ${date}`,
    moreChanges: (count, link) => `… og ${count} til: ${link}`,
    moreInHistory: (count) => `… og ${count} til i historikken`,
    changedLastWeek: 'Endra sist veke',
    noChanges: 'Ingen endringar.',
    overdue: 'Forfalne',
    noOverdue: 'Ingen forfalne oppgåver.',
    dueNextWeek: 'Frist neste veke',
    noneDueNextWeek: 'Ingen oppgåver med frist neste veke.',
    openMerger: (link) => `Opne samanslåinga: ${link}`,
    openMergerInSamla: 'Opne samanslåinga i Samla',
  },
  en: {
    someone: 'Someone',
    happened: {
      assigned: (who, title) => `${who} has made you responsible for ${title}`,
      mentioned: (who, title) => `${who} mentioned you in a comment on ${title}`,
      due_soon: (_, title) => `${title} is due in less than a week`,
      overdue: (_, title) => `${title} is past its due date`,
      decision_adopted: (_, title) => `The decision ${title} has been adopted in an area where you have tasks`,
      comment: (who, title) => `${who} commented on ${title}`,
    },
    subject: {
      assigned: (_, title) => `You are responsible: ${title}`,
      mentioned: (who, title) => `${who} mentioned you: ${title}`,
      due_soon: (_, title) => `Due soon: ${title}`,
      overdue: (_, title) => `Overdue: ${title}`,
      decision_adopted: (_, title) => `Decision adopted: ${title}`,
      comment: (_, title) => `New comment: ${title}`,
    },
    inMerger: (happened, mergerName) => `${happened} in ${mergerName}.`,
    open: (link) => `Open in Samla: ${link}`,
    openTitle: (title) => `Open «${title}» in Samla`,
    footer: 'You receive this e-mail from Samla because you are a member of the merger.',
    footerLink: 'Choose what you want by e-mail',
    dailySubject: (count, mergerNames) => `Daily summary from Samla: ${enPlural(count, 'notification', 'notifications')} – ${mergerNames}`,
    dailyIntro: (date) => `This has happened since the previous summary (${date}):`,
    weeklySubject: (mergerName, changes, overdue, dueNextWeek) =>
      `Weekly summary for ${mergerName}: ${enPlural(changes, 'change', 'changes')}, ${overdue} overdue, ${dueNextWeek} due next week`,
    weeklyIntro: (mergerName, monday) => `Summary for ${mergerName}, the week before ${monday}.`,
    due: (date) => `due ${date}`,
    moreChanges: (count, link) => `… and ${count} more: ${link}`,
    moreInHistory: (count) => `… and ${count} more in the history`,
    changedLastWeek: 'Changed last week',
    noChanges: 'No changes.',
    overdue: 'Overdue',
    noOverdue: 'No overdue tasks.',
    dueNextWeek: 'Due next week',
    noneDueNextWeek: 'No tasks due next week.',
    openMerger: (link) => `Open the merger: ${link}`,
    openMergerInSamla: 'Open the merger in Samla',
  },
};

/** The e-mails' `lang`: what a mail reader or screen reader uses to read it aloud. */
const htmlLang: Localized = { nb: 'nb', nn: 'nn', en: 'en' };

export interface NotificationForMail {
  kind: NotificationKind;
  subjectTitle: string;
  actorName: string | null;
  excerpt: string | null;
  link: string;
  mergerName: string;
}

/** What happened, as a line: the start of the subject and the summary's line. */
export function whatHappened(notification: Pick<NotificationForMail, 'kind' | 'actorName' | 'subjectTitle'>, language: Language = 'nb'): string {
  const said = words[language];
  return said.happened[notification.kind](notification.actorName ?? said.someone, `«${notification.subjectTitle}»`);
}

function subjectOf(notification: NotificationForMail, language: Language): string {
  const said = words[language];
  return oneLine(`${said.subject[notification.kind](notification.actorName ?? said.someone, notification.subjectTitle)} – ${notification.mergerName}`);
}

const footerText = (publicUrl: string, language: Language) =>
  `${words[language].footer} ${words[language].footerLink}: ${absoluteLink(publicUrl, settingsPath)}`;

const footerHtml = (publicUrl: string, language: Language) =>
  `<p style="color:#555;font-size:13px">${escapeHtml(words[language].footer)} ` +
  `<a href="${escapeHtml(absoluteLink(publicUrl, settingsPath))}">${escapeHtml(words[language].footerLink)}</a>.</p>`;

function page(title: string, body: string, publicUrl: string, language: Language): string {
  return (
    `<!doctype html><html lang="${htmlLang[language]}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:Inter,Arial,sans-serif;line-height:1.5;color:#1a1a1a">${body}${footerHtml(publicUrl, language)}</body></html>`
  );
}

/** One notification, sent straks. */
export function notificationMail(notification: NotificationForMail, publicUrl: string, language: Language): MailMessage {
  const said = words[language];
  const link = absoluteLink(publicUrl, notification.link);
  const happened = said.inMerger(whatHappened(notification, language), notification.mergerName);
  // A comment's words are quoted; an assignment's note («og 2 oppgaver til») is not.
  const excerpt = notification.excerpt ? (notification.kind === 'assigned' ? notification.excerpt : `«${notification.excerpt}»`) : null;
  const subject = subjectOf(notification, language);
  const text = [happened, ...(excerpt ? ['', excerpt] : []), '', said.open(link), '', '-- ', footerText(publicUrl, language)].join('\n');
  const html = page(
    subject,
    `<p>${escapeHtml(happened)}</p>` +
      (excerpt ? `<blockquote style="margin:0 0 1em 0;padding-left:1em;border-left:3px solid #ccc">${escapeHtml(excerpt)}</blockquote>` : '') +
      `<p><a href="${escapeHtml(link)}">${escapeHtml(said.openTitle(notification.subjectTitle))}</a></p>`,
    publicUrl,
    language,
  );
  return { subject, text, html };
}

/** The day's notifications of the kinds a person wants as «daglig sammendrag», one mail, grouped by merger. */
export function dailyDigestMail(date: string, notifications: readonly NotificationForMail[], publicUrl: string, language: Language): MailMessage {
  const said = words[language];
  const byMerger = new Map<string, NotificationForMail[]>();
  for (const notification of notifications) byMerger.set(notification.mergerName, [...(byMerger.get(notification.mergerName) ?? []), notification]);
  const mergerNames = [...byMerger.keys()];
  const count = notifications.length;
  const subject = oneLine(said.dailySubject(count, mergerNames.join(', ')));
  const intro = said.dailyIntro(formatDate(date, language));
  const textParts = [intro];
  let htmlBody = `<p>${escapeHtml(intro)}</p>`;
  for (const [mergerName, items] of byMerger) {
    textParts.push('', mergerName);
    htmlBody += `<h2 style="font-size:16px">${escapeHtml(mergerName)}</h2><ul>`;
    for (const item of items) {
      const link = absoluteLink(publicUrl, item.link);
      textParts.push(`- ${whatHappened(item, language)}`, `  ${link}`);
      htmlBody += `<li><a href="${escapeHtml(link)}">${escapeHtml(whatHappened(item, language))}</a></li>`;
    }
    htmlBody += '</ul>';
  }
  textParts.push('', '-- ', footerText(publicUrl, language));
  return { subject, text: textParts.join('\n'), html: page(subject, htmlBody, publicUrl, language) };
}

export interface WeeklyTask {
  title: string;
  dueDate: string;
  link: string;
}

export interface WeeklyDigest {
  mergerName: string;
  mergerLink: string;
  historyLink: string;
  /** What changed last week, newest first, each as one line (from history). */
  changes: readonly string[];
  overdue: readonly WeeklyTask[];
  dueNextWeek: readonly WeeklyTask[];
}

/** More than this many lines of changes are summed up as «… og N til»: the history page has them all. */
export const weeklyChangeLines = 40;

/** The Monday summary for a merger's project leader: what changed, what is overdue, what is due next week. */
export function weeklyDigestMail(monday: string, digest: WeeklyDigest, publicUrl: string, language: Language): MailMessage {
  const said = words[language];
  const subject = oneLine(said.weeklySubject(digest.mergerName, digest.changes.length, digest.overdue.length, digest.dueNextWeek.length));
  const shownChanges = digest.changes.slice(0, weeklyChangeLines);
  const moreChanges = digest.changes.length - shownChanges.length;
  const historyLink = absoluteLink(publicUrl, digest.historyLink);
  const taskLines = (tasks: readonly WeeklyTask[]) =>
    tasks.map((task) => `- ${task.title} (${said.due(formatDate(task.dueDate, language))})\n  ${absoluteLink(publicUrl, task.link)}`);
  const taskItems = (tasks: readonly WeeklyTask[]) =>
    `<ul>${tasks
      .map(
        (task) =>
          `<li><a href="${escapeHtml(absoluteLink(publicUrl, task.link))}">${escapeHtml(task.title)}</a> (${escapeHtml(said.due(formatDate(task.dueDate, language)))})</li>`,
      )
      .join('')}</ul>`;
  const sections: Array<{ title: string; empty: string; text: string[]; html: string; count: number }> = [
    {
      title: said.changedLastWeek,
      empty: said.noChanges,
      count: digest.changes.length,
      text: [...shownChanges.map((line) => `- ${line}`), ...(moreChanges > 0 ? [said.moreChanges(moreChanges, historyLink)] : [])],
      html:
        `<ul>${shownChanges.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` +
        (moreChanges > 0 ? `<p><a href="${escapeHtml(historyLink)}">${escapeHtml(said.moreInHistory(moreChanges))}</a></p>` : ''),
    },
    { title: said.overdue, empty: said.noOverdue, count: digest.overdue.length, text: taskLines(digest.overdue), html: taskItems(digest.overdue) },
    {
      title: said.dueNextWeek,
      empty: said.noneDueNextWeek,
      count: digest.dueNextWeek.length,
      text: taskLines(digest.dueNextWeek),
      html: taskItems(digest.dueNextWeek),
    },
  ];
  const intro = said.weeklyIntro(digest.mergerName, formatDate(monday, language));
  const mergerLink = absoluteLink(publicUrl, digest.mergerLink);
  const text = [
    intro,
    ...sections.flatMap((section) => ['', `${section.title} (${section.count})`, ...(section.count === 0 ? [section.empty] : section.text)]),
    '',
    said.openMerger(mergerLink),
    '',
    '-- ',
    footerText(publicUrl, language),
  ].join('\n');
  const html = page(
    subject,
    `<p>${escapeHtml(intro)}</p>` +
      sections
        .map(
          (section) =>
            `<h2 style="font-size:16px">${escapeHtml(section.title)} (${section.count})</h2>` +
            (section.count === 0 ? `<p>${escapeHtml(section.empty)}</p>` : section.html),
        )
        .join('') +
      `<p><a href="${escapeHtml(mergerLink)}">${escapeHtml(said.openMergerInSamla)}</a></p>`,
    publicUrl,
    language,
  );
  return { subject, text, html };
}
