import { foldForSearch } from '#web/features/municipalities/municipality-search.ts';

/**
 * «Ansvarlig» in a form: a member of the merger (picked from the list) or a name typed for
 * someone outside Samla. Plain strings ('' for none), so forms compare and keep drafts as
 * they do with their other fields.
 */
export interface ResponsibleDraft {
  /** What the field shows: the member's name, or the typed name. */
  text: string;
  /** The picked member; '' when the text is a typed name. */
  userId: string;
}

export interface ResponsibleMember {
  userId: string;
  name: string;
  email: string;
}

export function responsibleDraftOf(item: { responsibleUserId: string | null; responsibleName: string | null }): ResponsibleDraft {
  return { text: item.responsibleName ?? '', userId: item.responsibleUserId ?? '' };
}

/** What a write sends: one form or the other, so the server replaces the responsible with it. */
export function responsibleBody(draft: ResponsibleDraft): { responsible: string | null; responsibleUserId: string | null } {
  if (draft.userId !== '') return { responsible: null, responsibleUserId: draft.userId };
  const text = draft.text.trim();
  return { responsible: text === '' ? null : text, responsibleUserId: null };
}

/** Members whose name or e-mail has every word typed (accents ignored); names starting with the search first. */
export function searchMembers<T extends ResponsibleMember>(members: readonly T[], query: string): T[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  const folded = foldForSearch(query);
  const matches = members.filter((member) => {
    const text = foldForSearch(`${member.name} ${member.email}`);
    return words.every((word) => text.includes(word));
  });
  const startsWith = (member: T) => foldForSearch(member.name).startsWith(folded);
  return [...matches].sort((a, b) => Number(startsWith(b)) - Number(startsWith(a)) || a.name.localeCompare(b.name, 'nb'));
}
