import { describe, expect, it } from 'vitest';
import { commentExcerpt, formatCommentText, mentionedIds, mentionToken, parseCommentText, plainCommentText } from './comment-text.ts';

const mona = '11111111-1111-4111-8111-111111111111';
const ulla = '22222222-2222-4222-8222-222222222222';

describe('mentions in a comment', () => {
  const body = `Hei @[Mona Medlem](${mona}), kan du og @[Ulla](${ulla}) se på dette? @[Mona Medlem](${mona})`;

  it('are found by id, each once', () => {
    expect(mentionedIds(body)).toEqual([mona, ulla]);
    expect(parseCommentText(body)[1]).toEqual({ text: 'Mona Medlem', userId: mona });
  });

  it('keep members with their name now, and make anyone else plain text', () => {
    const written = formatCommentText(
      parseCommentText(body),
      (id) => id === mona,
      (id) => (id === mona ? 'Mona Ny' : undefined),
    );
    expect(written).toBe(`Hei @[Mona Ny](${mona}), kan du og @Ulla se på dette? @[Mona Ny](${mona})`);
    expect(mentionedIds(written)).toEqual([mona]);
  });

  it('read as plain text in excerpts, on one line and shortened', () => {
    expect(plainCommentText(body)).toBe('Hei @Mona Medlem, kan du og @Ulla se på dette? @Mona Medlem');
    expect(commentExcerpt('a\n\nb  c')).toBe('a b c');
    expect(commentExcerpt('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('cannot be broken by a name with a bracket', () => {
    expect(mentionToken('A]b', mona)).toBe(`@[A b](${mona})`);
    expect(parseCommentText('@[not a mention](123)')).toEqual([{ text: '@[not a mention](123)' }]);
  });
});
