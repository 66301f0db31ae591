/**
 * The loop that empties the outbox (decision 037). Every app node with SMTP
 * configured runs one; they share the work through the database: a node
 * claims due rows with a lease (FOR UPDATE SKIP LOCKED), so two nodes never
 * hold the same mail, and a node that dies holding one gives it back when the
 * lease runs out. On PGlite there is one node, and the same code runs.
 */
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Clock } from '#server/platform/clock.ts';
import type { Database } from '#server/platform/db/client.ts';
import { dailyDigestDue, maxAttempts, retryDelayMs, weeklyDigestDue } from './mail.domain.ts';
import * as repo from './mail.repo.ts';
import { scheduleDailyDigests, scheduleWeeklyDigests, type HistoryReader, type MailSettings } from './mail.service.ts';

export interface MailSenderOptions extends MailSettings {
  db: Database;
  now: Clock;
  log: { info: (object: object, message: string) => void; warn: (object: object, message: string) => void; error: (object: object, message: string) => void };
  /** Names this node in `locked_by`; unique per process by default. */
  nodeId?: string;
  /** How often the outbox is looked at. Default 10 s: «straks» means within about that. */
  pollIntervalMs?: number;
  /** How long a claimed mail is this node's; longer than the slowest send (SMTP timeouts below). Default 5 min. */
  leaseMs?: number;
  /** The first wait after a failure, doubled each time (default 1 min). */
  retryBaseMs?: number;
  /** What changed in a merger, for the weekly summary (audit's history, handed in by app.ts). */
  readHistory: HistoryReader;
  /** Whether this node makes the daily and weekly summaries (default yes). */
  summaries?: boolean;
  /** How many mails one round claims (default 20). */
  batchSize?: number;
}

export interface MailSender {
  /** One round now: summaries due, then every due mail. Tests call it instead of waiting for the timer. */
  runOnce: () => Promise<{ sent: number; failed: number; dropped: number }>;
  stop: () => Promise<void>;
}

/** Says what went wrong without the SMTP URL's password: nodemailer's messages carry host and reply, never credentials. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}

/** smtps:// is TLS from the start (port 465); smtp:// upgrades with STARTTLS when the server offers it (587). */
function smtpConnection(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
  };
}

export function startMailSender(options: MailSenderOptions): MailSender {
  const nodeId = options.nodeId ?? `samla-${process.pid}-${randomUUID().slice(0, 8)}`;
  const pollIntervalMs = options.pollIntervalMs ?? 10_000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const retryBaseMs = options.retryBaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 20;
  // One connection per mail, no pool: a node sends little, and a pooled
  // connection that a relay closed while idle would fail the next mail.
  const transport = nodemailer.createTransport({
    ...smtpConnection(options.smtpUrl),
    pool: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  let dailyDone: string | null = null;
  let weeklyDone: string | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function summaries(): Promise<void> {
    const now = options.now();
    const day = dailyDigestDue(now);
    if (day && day !== dailyDone) {
      const made = await scheduleDailyDigests(options.db, day, now, options.publicUrl);
      if (made > 0) options.log.info({ count: made, day }, 'daglige sammendrag lagt i utboksen');
      dailyDone = day;
    }
    const monday = weeklyDigestDue(now);
    if (monday && monday !== weeklyDone) {
      const made = await scheduleWeeklyDigests(options.db, monday, now, options.publicUrl, options.readHistory);
      if (made > 0) options.log.info({ count: made, week: monday }, 'ukesoppsummeringer lagt i utboksen');
      weeklyDone = monday;
    }
  }

  async function deliver(row: repo.OutboxRow): Promise<'sent' | 'failed' | 'dropped'> {
    const at = () => options.now();
    const recipient = await repo.recipientNow(options.db, row.recipientUserId, row.mergerIds);
    // What the mail shows was readable when it was written; it must still be when it goes.
    if (!recipient || row.mergerIds.some((mergerId) => !recipient.memberOf.has(mergerId))) {
      await repo.markDropped(options.db, row.id, nodeId, recipient ? 'ikke lenger medlem' : 'brukeren er deaktivert eller slettet', at());
      return 'dropped';
    }
    try {
      await transport.sendMail({
        from: options.from,
        to: { name: recipient.name, address: recipient.email },
        subject: row.subject,
        text: row.text,
        html: row.html,
        // The same id on every try: a receiving server that got a try we took for failed can see it is the same mail.
        messageId: `<${row.id}@samla>`,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      });
    } catch (error) {
      const message = describeError(error);
      const giveUp = row.attempts >= maxAttempts;
      const next = giveUp ? null : new Date(at().getTime() + retryDelayMs(row.attempts, retryBaseMs));
      await repo.markFailed(options.db, row.id, nodeId, message, next, at());
      (giveUp ? options.log.error : options.log.warn)(
        { mailId: row.id, attempts: row.attempts, nextAttemptAt: next?.toISOString() ?? null, err: message },
        giveUp ? 'e-post gitt opp etter for mange forsøk' : 'e-post kunne ikke sendes; prøver igjen senere',
      );
      return 'failed';
    }
    await repo.markSent(options.db, row.id, nodeId, at());
    return 'sent';
  }

  async function round() {
    const counts = { sent: 0, failed: 0, dropped: 0 };
    if (options.summaries !== false) await summaries();
    for (;;) {
      const now = options.now();
      const claimed = await repo.claimDue(options.db, now, new Date(now.getTime() + leaseMs), nodeId, batchSize);
      for (const row of claimed) counts[await deliver(row)]++;
      if (claimed.length < batchSize || stopped) break;
    }
    return counts;
  }

  function runOnce() {
    const next = running.then(round, round);
    running = next.catch(() => undefined);
    return next;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => options.log.error({ err: describeError(error) }, 'feil i utsending av e-post'))
        .finally(schedule);
    }, pollIntervalMs);
    // The loop never keeps the process alive on its own.
    timer.unref();
  }
  schedule();

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
