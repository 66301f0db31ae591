/**
 * What Samla's e-mails say and when they go (decision 037): pure functions
 * over plain data, so the wording, the escaping and the schedule are tested
 * without a database or an SMTP server.
 */
import { plural } from '#shared/plural.ts';
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

export function formatDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;
}

export interface NotificationForMail {
  kind: NotificationKind;
  subjectTitle: string;
  actorName: string | null;
  excerpt: string | null;
  link: string;
  mergerName: string;
}

/** What happened, as a line: the start of the subject and the summary's line. */
export function whatHappened(notification: Pick<NotificationForMail, 'kind' | 'actorName' | 'subjectTitle'>): string {
  const who = notification.actorName ?? 'Noen';
  const title = `«${notification.subjectTitle}»`;
  switch (notification.kind) {
    case 'assigned':
      return `${who} har gjort deg ansvarlig for ${title}`;
    case 'mentioned':
      return `${who} nevnte deg i en kommentar på ${title}`;
    case 'due_soon':
      return `Fristen for ${title} er om under en uke`;
    case 'overdue':
      return `Fristen for ${title} er passert`;
    case 'decision_adopted':
      return `Veivalget ${title} er vedtatt i et område der du har oppgaver`;
    case 'comment':
      return `${who} kommenterte ${title}`;
  }
}

function subjectOf(notification: NotificationForMail): string {
  const title = notification.subjectTitle;
  const what: Record<NotificationKind, string> = {
    assigned: `Du er ansvarlig: ${title}`,
    mentioned: `${notification.actorName ?? 'Noen'} nevnte deg: ${title}`,
    due_soon: `Frist snart: ${title}`,
    overdue: `Forfalt: ${title}`,
    decision_adopted: `Veivalg vedtatt: ${title}`,
    comment: `Ny kommentar: ${title}`,
  };
  return oneLine(`${what[notification.kind]} – ${notification.mergerName}`);
}

const footerText = (publicUrl: string) =>
  `Du får denne e-posten fra Samla fordi du er med i sammenslåingen. Velg hva du vil få på e-post: ${absoluteLink(publicUrl, settingsPath)}`;

const footerHtml = (publicUrl: string) =>
  `<p style="color:#555;font-size:13px">Du får denne e-posten fra Samla fordi du er med i sammenslåingen. ` +
  `<a href="${escapeHtml(absoluteLink(publicUrl, settingsPath))}">Velg hva du vil få på e-post</a>.</p>`;

function page(title: string, body: string, publicUrl: string): string {
  return (
    `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:Inter,Arial,sans-serif;line-height:1.5;color:#1a1a1a">${body}${footerHtml(publicUrl)}</body></html>`
  );
}

/** One notification, sent straks. */
export function notificationMail(notification: NotificationForMail, publicUrl: string): MailMessage {
  const link = absoluteLink(publicUrl, notification.link);
  const happened = `${whatHappened(notification)} i ${notification.mergerName}.`;
  // A comment's words are quoted; an assignment's note («og 2 oppgaver til») is not.
  const excerpt = notification.excerpt ? (notification.kind === 'assigned' ? notification.excerpt : `«${notification.excerpt}»`) : null;
  const subject = subjectOf(notification);
  const text = [happened, ...(excerpt ? ['', excerpt] : []), '', `Åpne i Samla: ${link}`, '', '-- ', footerText(publicUrl)].join('\n');
  const html = page(
    subject,
    `<p>${escapeHtml(happened)}</p>` +
      (excerpt ? `<blockquote style="margin:0 0 1em 0;padding-left:1em;border-left:3px solid #ccc">${escapeHtml(excerpt)}</blockquote>` : '') +
      `<p><a href="${escapeHtml(link)}">Åpne «${escapeHtml(notification.subjectTitle)}» i Samla</a></p>`,
    publicUrl,
  );
  return { subject, text, html };
}

/** The day's notifications of the kinds a person wants as «daglig sammendrag», one mail, grouped by merger. */
export function dailyDigestMail(date: string, notifications: readonly NotificationForMail[], publicUrl: string): MailMessage {
  const byMerger = new Map<string, NotificationForMail[]>();
  for (const notification of notifications) byMerger.set(notification.mergerName, [...(byMerger.get(notification.mergerName) ?? []), notification]);
  const mergerNames = [...byMerger.keys()];
  const count = notifications.length;
  const subject = oneLine(`Daglig sammendrag fra Samla: ${plural(count, 'varsel', 'varsler')} – ${mergerNames.join(', ')}`);
  const intro = `Dette har skjedd siden forrige sammendrag (${formatDate(date)}):`;
  const textParts = [intro];
  let htmlBody = `<p>${escapeHtml(intro)}</p>`;
  for (const [mergerName, items] of byMerger) {
    textParts.push('', mergerName);
    htmlBody += `<h2 style="font-size:16px">${escapeHtml(mergerName)}</h2><ul>`;
    for (const item of items) {
      const link = absoluteLink(publicUrl, item.link);
      textParts.push(`- ${whatHappened(item)}`, `  ${link}`);
      htmlBody += `<li><a href="${escapeHtml(link)}">${escapeHtml(whatHappened(item))}</a></li>`;
    }
    htmlBody += '</ul>';
  }
  textParts.push('', '-- ', footerText(publicUrl));
  return { subject, text: textParts.join('\n'), html: page(subject, htmlBody, publicUrl) };
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
export function weeklyDigestMail(monday: string, digest: WeeklyDigest, publicUrl: string): MailMessage {
  const subject = oneLine(
    `Ukesoppsummering for ${digest.mergerName}: ${plural(digest.changes.length, 'endring', 'endringer')}, ${digest.overdue.length} forfalt, ${digest.dueNextWeek.length} med frist neste uke`,
  );
  const shownChanges = digest.changes.slice(0, weeklyChangeLines);
  const moreChanges = digest.changes.length - shownChanges.length;
  const historyLink = absoluteLink(publicUrl, digest.historyLink);
  const taskLines = (tasks: readonly WeeklyTask[]) =>
    tasks.map((task) => `- ${task.title} (frist ${formatDate(task.dueDate)})\n  ${absoluteLink(publicUrl, task.link)}`);
  const taskItems = (tasks: readonly WeeklyTask[]) =>
    `<ul>${tasks
      .map((task) => `<li><a href="${escapeHtml(absoluteLink(publicUrl, task.link))}">${escapeHtml(task.title)}</a> (frist ${formatDate(task.dueDate)})</li>`)
      .join('')}</ul>`;
  const sections: Array<{ title: string; empty: string; text: string[]; html: string; count: number }> = [
    {
      title: 'Endret sist uke',
      empty: 'Ingen endringer.',
      count: digest.changes.length,
      text: [...shownChanges.map((line) => `- ${line}`), ...(moreChanges > 0 ? [`… og ${moreChanges} til: ${historyLink}`] : [])],
      html:
        `<ul>${shownChanges.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` +
        (moreChanges > 0 ? `<p><a href="${escapeHtml(historyLink)}">… og ${moreChanges} til i historikken</a></p>` : ''),
    },
    { title: 'Forfalt', empty: 'Ingen forfalte oppgaver.', count: digest.overdue.length, text: taskLines(digest.overdue), html: taskItems(digest.overdue) },
    {
      title: 'Frist neste uke',
      empty: 'Ingen oppgaver med frist neste uke.',
      count: digest.dueNextWeek.length,
      text: taskLines(digest.dueNextWeek),
      html: taskItems(digest.dueNextWeek),
    },
  ];
  const intro = `Oppsummering for ${digest.mergerName}, uken før ${formatDate(monday)}.`;
  const mergerLink = absoluteLink(publicUrl, digest.mergerLink);
  const text = [
    intro,
    ...sections.flatMap((section) => ['', `${section.title} (${section.count})`, ...(section.count === 0 ? [section.empty] : section.text)]),
    '',
    `Åpne sammenslåingen: ${mergerLink}`,
    '',
    '-- ',
    footerText(publicUrl),
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
      `<p><a href="${escapeHtml(mergerLink)}">Åpne sammenslåingen i Samla</a></p>`,
    publicUrl,
  );
  return { subject, text, html };
}
