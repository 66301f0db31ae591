/**
 * How a comment's text names members (decision 036): `@[Name](userId)`. The id is what
 * counts (who is told, and the name shown now); the name in the brackets is what the
 * writer saw, kept for a reader who cannot look the id up. Used by the server (which
 * mentions are real) and the web (showing them, inserting them).
 */
export interface TextPart {
  text: string;
  /** Set for a mention. */
  userId?: string;
}

const mentionPattern = /@\[([^\]\n]{1,200})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

/** The text as plain pieces and mentions, in order. */
export function parseCommentText(body: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of body.matchAll(mentionPattern)) {
    if (match.index > at) parts.push({ text: body.slice(at, match.index) });
    parts.push({ text: match[1]!, userId: match[2]!.toLowerCase() });
    at = match.index + match[0].length;
  }
  if (at < body.length) parts.push({ text: body.slice(at) });
  return parts;
}

/** The ids mentioned, each once, in the order they first appear. */
export function mentionedIds(body: string): string[] {
  return [...new Set(parseCommentText(body).flatMap((part) => (part.userId ? [part.userId] : [])))];
}

/** The text written out again: mentions of `keep` with their name `nameOf` gives (else as written), others as plain `@Name`. */
export function formatCommentText(
  parts: readonly TextPart[],
  keep: (userId: string) => boolean,
  nameOf: (userId: string) => string | undefined = () => undefined,
): string {
  return parts
    .map((part) => {
      if (!part.userId) return part.text;
      const name = (nameOf(part.userId) ?? part.text).replaceAll(/[\]\n]/g, ' ');
      return keep(part.userId) ? mentionToken(name, part.userId) : `@${name}`;
    })
    .join('');
}

export function mentionToken(name: string, userId: string): string {
  return `@[${name.replaceAll(/[\]\n]/g, ' ')}](${userId})`;
}

/** The text as a reader sees it without markup: mentions as `@Name`. For excerpts and history. */
export function plainCommentText(body: string): string {
  return parseCommentText(body)
    .map((part) => (part.userId ? `@${part.text}` : part.text))
    .join('');
}

/** A short excerpt for a notification: the plain text, one line, at most `max` characters. */
export function commentExcerpt(body: string, max = 200): string {
  const plain = plainCommentText(body).replaceAll(/\s+/g, ' ').trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}
