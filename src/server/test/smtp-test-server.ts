import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the test SMTP server took it, its MIME decoded far enough to read. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
  raw: string;
}

export interface TestSmtpServer {
  /** smtp://user:password@127.0.0.1:port of this server. */
  url: string;
  received: ReceivedMail[];
  /** The next `count` mails are refused with 451 (a temporary failure), as a relay that is down. */
  failNext: (count: number) => void;
  /** How many tries were refused. */
  refused: number;
  close: () => Promise<void>;
}

export const smtpUser = 'samla';
export const smtpPassword = 'et-hemmelig-smtp-passord';

/**
 * A real SMTP server on a free port (smtp-server, the library nodemailer's
 * authors keep), asking for a user name and password as a municipality's relay
 * would; no TLS on loopback.
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  let failures = 0;
  const state = { refused: 0 };
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === smtpUser && auth.password === smtpPassword) callback(null, { user: auth.username });
      else callback(new Error('Feil brukernavn eller passord'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          state.refused++;
          callback(Object.assign(new Error('Prøv igjen senere'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          ...decodeMail(raw),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${smtpUser}:${smtpPassword}@127.0.0.1:${port}`,
    received,
    failNext: (count) => {
      failures = count;
    },
    get refused() {
      return state.refused;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function headersOf(block: string): Map<string, string> {
  const unfolded = block.replaceAll(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of unfolded.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const text = value.replaceAll(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) in a header. */
function decodeHeader(value: string): string {
  return value
    .replaceAll(/\?=\s+=\?/g, '?==?')
    .replaceAll(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_match, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replaceAll('_', ' ')),
    );
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replaceAll(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

function decodeMail(raw: string): Omit<ReceivedMail, 'from' | 'to' | 'raw'> {
  const split = raw.indexOf('\r\n\r\n');
  const headers = headersOf(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const parts = { text: '', html: '' };
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const sections = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((section) => {
          const at = section.indexOf('\r\n\r\n');
          return { headers: headersOf(section.slice(2, at)), body: section.slice(at + 4).replace(/\r\n$/, '') };
        })
    : [{ headers, body }];
  for (const section of sections) {
    const type = section.headers.get('content-type') ?? '';
    if (type.startsWith('text/plain')) parts.text = decodeBody(section.headers, section.body);
    if (type.startsWith('text/html')) parts.html = decodeBody(section.headers, section.body);
  }
  return { subject: decodeHeader(headers.get('subject') ?? ''), messageId: headers.get('message-id') ?? '', ...parts };
}
