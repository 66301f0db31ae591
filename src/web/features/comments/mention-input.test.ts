import { describe, expect, it } from 'vitest';
import { insertMention, matchingMembers, mentionQueryAt, toEditableText, toStoredBody } from './mention-input.ts';

const mona = { userId: '11111111-1111-4111-8111-111111111111', name: 'Mona Medlem' };
const mons = { userId: '22222222-2222-4222-8222-222222222222', name: 'Mons Monsen' };
const knut = { userId: '33333333-3333-4333-8333-333333333333', name: 'Knut Kollega' };

describe('typing a mention', () => {
  it('finds the @ being typed, and not an e-mail address', () => {
    expect(mentionQueryAt('Hei @Mo', 7)).toEqual({ start: 4, query: 'Mo' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('skriv til ola@kommune.no', 24)).toBeNull();
    expect(mentionQueryAt('@Mona\nneste linje', 17)).toBeNull();
  });

  it('offers members by the start of a name, first name first', () => {
    expect(matchingMembers([knut, mons, mona], 'mo').map((m) => m.name)).toEqual(['Mona Medlem', 'Mons Monsen']);
    expect(matchingMembers([knut, mons, mona], 'kol').map((m) => m.name)).toEqual(['Knut Kollega']);
    expect(matchingMembers([knut, mons, mona], 'x')).toEqual([]);
  });

  it('puts the picked name in the text and the caret after it', () => {
    expect(insertMention('Hei @Mo, se her', 4, 7, 'Mona Medlem')).toEqual({ text: 'Hei @Mona Medlem , se her', caret: 17 });
  });

  it('sends picked members as tokens, and reads them back for editing', () => {
    const body = toStoredBody('Hei @Mona Medlem og @Mons Monsen, og @Mona Medlemsen', [mona, mons]);
    expect(body).toBe(`Hei @[Mona Medlem](${mona.userId}) og @[Mons Monsen](${mons.userId}), og @Mona Medlemsen`);
    expect(toEditableText(body)).toEqual({ text: 'Hei @Mona Medlem og @Mons Monsen, og @Mona Medlemsen', picked: [mona, mons] });
  });
});
