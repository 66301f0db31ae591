import { mentionToken, parseCommentText } from '#shared/comment-text.ts';

/**
 * The text a person types shows a mention as «@Navn»; what is sent is `@[Navn](id)`
 * (decision 036). These pure helpers turn one into the other and find the «@…» being typed.
 */
export interface Mentionable {
  userId: string;
  name: string;
}

/** The «@…» being typed just before the caret: where it starts and what follows the @; null when none. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s|\(/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  // A name is a few words on one line; past that the @ was something else.
  if (query.length > 40 || /\n/.test(query) || query.split(' ').length > 3) return null;
  return { start: at, query };
}

/** Members whose name has a word starting with `query` (case aside), best first, at most `max`. */
export function matchingMembers(members: readonly Mentionable[], query: string, max = 8): Mentionable[] {
  const wanted = query.trim().toLocaleLowerCase('nb');
  const scored = members.flatMap((member) => {
    const name = member.name.toLocaleLowerCase('nb');
    if (wanted === '') return [{ member, score: 1 }];
    if (name.startsWith(wanted)) return [{ member, score: 0 }];
    if (name.split(/\s+/).some((word) => word.startsWith(wanted)) || name.includes(` ${wanted}`)) return [{ member, score: 1 }];
    return [];
  });
  return scored
    .sort((a, b) => a.score - b.score || a.member.name.localeCompare(b.member.name, 'nb'))
    .slice(0, max)
    .map((entry) => entry.member);
}

/** The text with the «@…» from `start` to `caret` replaced by «@Navn », and where the caret goes. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** What is sent: each «@Navn» of a member picked while writing as `@[Navn](id)`, longest names first. */
export function toStoredBody(text: string, picked: readonly Mentionable[]): string {
  const byLength = [...new Map(picked.map((member) => [member.name, member])).values()].sort((a, b) => b.name.length - a.name.length);
  let result = text;
  for (const member of byLength) {
    const escaped = member.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Not already inside a token, and the whole name (not «@Mona» inside «@Monalisa»).
    result = result.replace(
      new RegExp(`(^|[^\\[])@${escaped}(?![\\p{L}\\p{N}])`, 'gu'),
      (_match, lead: string) => `${lead}${mentionToken(member.name, member.userId)}`,
    );
  }
  return result;
}

/** A stored comment as editable text, with the members it mentions (so saving keeps them). */
export function toEditableText(body: string): { text: string; picked: Mentionable[] } {
  const parts = parseCommentText(body);
  return {
    text: parts.map((part) => (part.userId ? `@${part.text}` : part.text)).join(''),
    picked: parts.flatMap((part) => (part.userId ? [{ userId: part.userId, name: part.text }] : [])),
  };
}
