import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

type Served = { validFrom: string; municipalities: Array<{ number: string; name: string; nameParts: string[] }> };
const byNumber = (register: Served, number: string) => register.municipalities.find((m) => m.number === number);

describe('GET /api/v1/municipalities', () => {
  it("serves the register in force on the server's today, with official names in official order", async () => {
    t = await createTestApp({ now: () => new Date('2026-12-07T09:00:00Z') });
    const register: Served = (await t.owner.inject({ url: '/api/v1/municipalities' })).json();
    expect(register.validFrom).toBe('2026-01-01');
    expect(register.municipalities).toHaveLength(357);
    expect(byNumber(register, '0301')).toMatchObject({ name: 'Oslo – Oslove', nameParts: ['Oslo', 'Oslove'] });
    expect(byNumber(register, '5006')?.name).toBe('Steinkjer – Stïentje');
    expect(byNumber(register, '5536')?.name).toBe('Lyngen – Ivgu – Yykeä');
    expect(byNumber(register, '5612')).toMatchObject({ name: 'Guovdageaidnu – Kautokeino', nameParts: ['Guovdageaidnu', 'Kautokeino'] });
    expect(byNumber(register, '5610')?.name).toBe('Kárášjohka – Karasjok');
  });

  it("serves the version in force on an earlier day, by the server's clock or `date`", async () => {
    let now = new Date('2025-12-31T22:30:00Z'); // 23:30 in Oslo: still 2025
    t = await createTestApp({ now: () => now });
    const old: Served = (await t.owner.inject({ url: '/api/v1/municipalities' })).json();
    expect(old.validFrom).toBe('2024-01-01');
    expect(byNumber(old, '0301')?.name).toBe('Oslo');
    now = new Date('2025-12-31T23:30:00Z'); // 00:30 on 1 January in Oslo, while UTC is still in 2025
    expect((await t.owner.inject({ url: '/api/v1/municipalities' })).json().validFrom).toBe('2026-01-01');
    const asked: Served = (await t.owner.inject({ url: '/api/v1/municipalities?date=2026-01-01' })).json();
    expect(asked.validFrom).toBe('2026-01-01');
    expect((await t.owner.inject({ url: '/api/v1/municipalities?date=2026-13-01' })).statusCode).toBe(400);
  });

  it("gives a new merger the official names of its day, and leaves an existing merger's names as they were", async () => {
    let now = new Date('2025-06-01T10:00:00Z');
    t = await createTestApp({ now: () => now });
    const before = await t.createMerger({ municipalities: ['0301', '5612'] });
    now = new Date('2026-12-07T10:00:00Z');
    const after = await t.createMerger({ municipalities: ['0301', '5612'] });
    const names = async (id: string) => ((await t!.owner.inject(`/api/v1/mergers/${id}`)).json().municipalities as Array<{ name: string }>).map((m) => m.name);
    expect(await names(before)).toEqual(['Oslo', 'Guovdageaidnu – Kautokeino']);
    expect(await names(after)).toEqual(['Oslo – Oslove', 'Guovdageaidnu – Kautokeino']);
  });
});
