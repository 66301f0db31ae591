import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#server/test/test-app.ts';

let t: TestApp;
let mergerId: string;
beforeEach(async () => {
  t = await createTestApp();
  mergerId = await t.createMerger({ name: 'Medlemmer' });
});
afterEach(async () => {
  await t.close();
});

const members = (mergerId: string) => `/api/v1/mergers/${mergerId}/members`;

describe('members and roles', () => {
  it('makes the creator the owner, and shows a merger only to its members', async () => {
    const list = (await t.owner.inject(members(mergerId))).json().members;
    expect(list).toEqual([expect.objectContaining({ userId: t.owner.id, role: 'owner' })]);
    expect((await t.owner.inject(`/api/v1/mergers/${mergerId}`)).json()).toMatchObject({
      myRole: 'owner',
      myPermissions: expect.arrayContaining(['read', 'edit', 'addMembers', 'manageMembers']),
    });

    const outsider = await t.createUser('Ulla Utenfor');
    expect((await outsider.inject('/api/v1/mergers')).json().mergers).toEqual([]);
    const peek = await outsider.inject(`/api/v1/mergers/${mergerId}/tasks`);
    expect(peek.statusCode).toBe(404);
    expect(peek.body).not.toContain('Medlemmer');
  });

  it('lets a reader read but not edit', async () => {
    const reader = await t.createUser('Stine Styringsgruppe');
    await t.owner.inject({ method: 'POST', url: members(mergerId), payload: { email: reader.email, role: 'reader' } });
    const tasks = (await reader.inject(`/api/v1/mergers/${mergerId}/tasks`)).json().tasks;
    expect(tasks).toHaveLength(121);
    const edit = await reader.inject({
      method: 'PATCH',
      url: `/api/v1/mergers/${mergerId}/tasks/${tasks[0].id}`,
      payload: { version: 1, status: 'done' },
    });
    expect(edit.statusCode).toBe(403);
    expect((await reader.inject(`/api/v1/mergers/${mergerId}`)).json().myPermissions).toEqual(['read']);
  });

  it('lets a lead add members but not owners, and only owners change roles', async () => {
    const lead = await t.createUser('Lars Leder');
    const newcomer = await t.createUser('Nina Ny');
    await t.owner.inject({ method: 'POST', url: members(mergerId), payload: { email: lead.email, role: 'lead' } });
    const asOwner = await lead.inject({ method: 'POST', url: members(mergerId), payload: { email: newcomer.email, role: 'owner' } });
    expect(asOwner.statusCode).toBe(403);
    expect(asOwner.json().error.code).toBe('ROLE_NOT_GRANTABLE');
    const asMember = await lead.inject({ method: 'POST', url: members(mergerId), payload: { email: newcomer.email, role: 'member' } });
    expect(asMember.statusCode).toBe(201);
    expect(
      (await lead.inject({ method: 'PATCH', url: `${members(mergerId)}/${newcomer.id}`, payload: { role: 'reader' } })).statusCode,
    ).toBe(403);
    const changed = await t.owner.inject({ method: 'PATCH', url: `${members(mergerId)}/${newcomer.id}`, payload: { role: 'reader' } });
    expect(changed.json()).toMatchObject({ role: 'reader' });
  });

  it('refuses unknown e-mails and repeated members with a message on the field', async () => {
    const unknown = await t.owner.inject({ method: 'POST', url: members(mergerId), payload: { email: 'ingen@x.no', role: 'member' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'USER_NOT_FOUND', details: [{ path: 'email' }] });
    const again = await t.owner.inject({ method: 'POST', url: members(mergerId), payload: { email: t.owner.email, role: 'member' } });
    expect(again.statusCode).toBe(409);
  });

  it('never removes or demotes the last owner', async () => {
    const removeSelf = await t.owner.inject({ method: 'DELETE', url: `${members(mergerId)}/${t.owner.id}` });
    expect(removeSelf.statusCode).toBe(409);
    expect(removeSelf.json().error.code).toBe('LAST_OWNER');
    const demote = await t.owner.inject({ method: 'PATCH', url: `${members(mergerId)}/${t.owner.id}`, payload: { role: 'lead' } });
    expect(demote.statusCode).toBe(409);

    const second = await t.createUser('Otto Eier');
    await t.owner.inject({ method: 'POST', url: members(mergerId), payload: { email: second.email, role: 'owner' } });
    expect((await t.owner.inject({ method: 'DELETE', url: `${members(mergerId)}/${t.owner.id}` })).statusCode).toBe(204);
    expect((await t.owner.inject(`/api/v1/mergers/${mergerId}`)).statusCode).toBe(404);
  });
});
