import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#server/test/test-app.ts';

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
const password = 'et langt og godt passord';

/** Signs in with e-mail and password, as in the browser: what turns an invitation into a membership. */
async function signIn(user: { email: string }) {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password } });
  expect(response.statusCode, response.body).toBe(200);
}

/** Invited by the owner (who is no administrator), then signed in: a member. */
async function join(user: TestUser, role: string, by: TestUser = t.owner) {
  const invited = await by.inject({ method: 'POST', url: members(mergerId), payload: { email: user.email, role } });
  expect(invited.statusCode, invited.body).toBe(202);
  await signIn(user);
}

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
    const reader = await t.createUser('Stine Styringsgruppe', { password });
    await join(reader, 'reader');
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
    const lead = await t.createUser('Lars Leder', { password });
    const newcomer = await t.createUser('Nina Ny', { password });
    await join(lead, 'lead');
    const asOwner = await lead.inject({ method: 'POST', url: members(mergerId), payload: { email: newcomer.email, role: 'owner' } });
    expect(asOwner.statusCode).toBe(403);
    expect(asOwner.json().error.code).toBe('ROLE_NOT_GRANTABLE');
    await join(newcomer, 'member', lead);
    expect((await lead.inject({ method: 'PATCH', url: `${members(mergerId)}/${newcomer.id}`, payload: { role: 'reader' } })).statusCode).toBe(403);
    const changed = await t.owner.inject({ method: 'PATCH', url: `${members(mergerId)}/${newcomer.id}`, payload: { role: 'reader' } });
    expect(changed.json()).toMatchObject({ role: 'reader' });
  });

  it('refuses repeated members and repeated invitations with a message on the field', async () => {
    const again = await t.owner.inject({ method: 'POST', url: members(mergerId), payload: { email: t.owner.email, role: 'member' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'ALREADY_MEMBER', details: [{ path: 'email' }] });
    expect((await t.owner.inject({ method: 'POST', url: members(mergerId), payload: { email: 'ny@x.no', role: 'member' } })).statusCode).toBe(202);
    const twice = await t.owner.inject({ method: 'POST', url: members(mergerId), payload: { email: ' NY@x.no ', role: 'reader' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'ALREADY_INVITED', details: [{ path: 'email' }] });
  });

  it('never removes or demotes the last owner', async () => {
    const removeSelf = await t.owner.inject({ method: 'DELETE', url: `${members(mergerId)}/${t.owner.id}` });
    expect(removeSelf.statusCode).toBe(409);
    expect(removeSelf.json().error.code).toBe('LAST_OWNER');
    const demote = await t.owner.inject({ method: 'PATCH', url: `${members(mergerId)}/${t.owner.id}`, payload: { role: 'lead' } });
    expect(demote.statusCode).toBe(409);

    const second = await t.createUser('Otto Eier', { password });
    await join(second, 'owner');
    expect((await t.owner.inject({ method: 'DELETE', url: `${members(mergerId)}/${t.owner.id}` })).statusCode).toBe(204);
    expect((await t.owner.inject(`/api/v1/mergers/${mergerId}`)).statusCode).toBe(404);
  });
});

describe('adding by e-mail tells no one but an administrator whether the address has an account', () => {
  it('answers a lead the same for a known and an unknown address; the known person is a member after signing in', async () => {
    const lead = await t.createUser('Lise Leder', { password });
    await join(lead, 'lead');
    const known = await t.createUser('Kjell Kjent', { password });
    const unknownEmail = 'ingen.bruker@kommune.no';

    const toKnown = await lead.inject({ method: 'POST', url: members(mergerId), payload: { email: known.email, role: 'member' } });
    const toUnknown = await lead.inject({ method: 'POST', url: members(mergerId), payload: { email: unknownEmail, role: 'member' } });
    expect(toKnown.statusCode).toBe(202);
    expect(toUnknown.statusCode).toBe(202);
    expect(toKnown.json()).toEqual({ status: 'invited', email: known.email, role: 'member' });
    // Byte for byte the same but for the address, headers included (their length, date and request id aside).
    expect(toKnown.body.replace(known.email, '«adresse»')).toBe(toUnknown.body.replace(unknownEmail, '«adresse»'));
    const headers = (response: typeof toKnown) => {
      const { date: _date, 'content-length': _length, 'x-request-id': _id, ...rest } = response.headers;
      return rest;
    };
    expect(headers(toKnown)).toEqual(headers(toUnknown));

    // The list shows both as invitations: who has an account stays unsaid.
    const before = (await lead.inject(members(mergerId))).json();
    expect(before.members.map((m: { email: string }) => m.email)).not.toContain(known.email);
    expect(before.invitations).toEqual([
      { email: known.email, role: 'member', invitedBy: lead.name, invitedAt: expect.any(String) },
      { email: unknownEmail, role: 'member', invitedBy: lead.name, invitedAt: expect.any(String) },
    ]);
    expect((await known.inject(`/api/v1/mergers/${mergerId}`)).statusCode).toBe(404);

    await signIn(known);
    const after = (await lead.inject(members(mergerId))).json();
    expect(after.members).toContainEqual(expect.objectContaining({ userId: known.id, role: 'member' }));
    expect(after.invitations.map((i: { email: string }) => i.email)).toEqual([unknownEmail]);
    expect((await known.inject(`/api/v1/mergers/${mergerId}`)).json()).toMatchObject({ myRole: 'member' });

    // History: the invitations by the lead, the membership made when the person signed in.
    const history = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=member`)).json().entries;
    expect(history).toContainEqual(
      expect.objectContaining({ entityLabel: `Invitasjon til ${unknownEmail}`, action: 'create', actor: expect.objectContaining({ name: lead.name }) }),
    );
    expect(history).toContainEqual(
      expect.objectContaining({ entityId: known.id, entityLabel: known.email, action: 'create', actor: expect.objectContaining({ name: known.name }) }),
    );
  });

  it('lets an administrator add an existing user at once, and makes a user the administrator creates a member', async () => {
    const adminsMerger = await t.createMerger({ name: 'Administratorens' }, t.administrator);
    const known = await t.createUser('Kari Kjent');
    const added = await t.administrator.inject({ method: 'POST', url: members(adminsMerger), payload: { email: known.email, role: 'reader' } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ userId: known.id, name: known.name, role: 'reader' });

    const invited = await t.administrator.inject({ method: 'POST', url: members(adminsMerger), payload: { email: 'ny.person@kommune.no', role: 'lead' } });
    expect(invited.statusCode).toBe(202);
    const created = await t.administrator.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'ny.person@kommune.no', name: 'Ny Person', password },
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = (await t.administrator.inject(members(adminsMerger))).json();
    expect(list.members).toContainEqual(expect.objectContaining({ email: 'ny.person@kommune.no', role: 'lead' }));
    expect(list.invitations).toEqual([]);
  });

  it('follows the role rules: a lead neither invites nor withdraws an owner; a withdrawn invitation is gone and in the history', async () => {
    const lead = await t.createUser('Lena Leder', { password });
    await join(lead, 'lead');
    const reader = await t.createUser('Rune Leser', { password });
    await join(reader, 'reader');
    const asOwner = await lead.inject({ method: 'POST', url: members(mergerId), payload: { email: 'sjef@kommune.no', role: 'owner' } });
    expect(asOwner.statusCode).toBe(403);
    expect(asOwner.json().error.code).toBe('ROLE_NOT_GRANTABLE');

    await t.owner.inject({ method: 'POST', url: members(mergerId), payload: { email: 'sjef@kommune.no', role: 'owner' } });
    await lead.inject({ method: 'POST', url: members(mergerId), payload: { email: 'hjelp@kommune.no', role: 'member' } });
    const invitation = (email: string) => `/api/v1/mergers/${mergerId}/invitations/${encodeURIComponent(email)}`;

    const leadOnOwner = await lead.inject({ method: 'DELETE', url: invitation('sjef@kommune.no') });
    expect(leadOnOwner.statusCode).toBe(403);
    expect(leadOnOwner.json().error.code).toBe('ROLE_NOT_GRANTABLE');
    expect((await reader.inject({ method: 'DELETE', url: invitation('hjelp@kommune.no') })).statusCode).toBe(403);

    expect((await lead.inject({ method: 'DELETE', url: invitation('HJELP@kommune.no') })).statusCode).toBe(204);
    expect((await t.owner.inject({ method: 'DELETE', url: invitation('sjef@kommune.no') })).statusCode).toBe(204);
    const gone = await t.owner.inject({ method: 'DELETE', url: invitation('sjef@kommune.no') });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('INVITATION_NOT_FOUND');
    expect((await t.owner.inject(members(mergerId))).json().invitations).toEqual([]);

    const history = (await t.owner.inject(`/api/v1/mergers/${mergerId}/audit?entity=member`)).json().entries;
    expect(history).toContainEqual(
      expect.objectContaining({
        entityLabel: 'Invitasjon til hjelp@kommune.no',
        action: 'delete',
        actor: expect.objectContaining({ name: lead.name }),
        changes: [{ field: 'role', old: 'member', new: null }],
      }),
    );

    // A withdrawn invitation makes no member when the person signs in.
    const late = await t.createUser('Hjelp', { password });
    expect(late.email).toBe('hjelp@samla.test');
    await t.owner.inject({ method: 'POST', url: members(mergerId), payload: { email: late.email, role: 'member' } });
    await t.owner.inject({ method: 'DELETE', url: invitation(late.email) });
    await signIn(late);
    expect((await late.inject(`/api/v1/mergers/${mergerId}`)).statusCode).toBe(404);
  });

  it('removes the invitations with the merger', async () => {
    await t.owner.inject({ method: 'POST', url: members(mergerId), payload: { email: 'borte@kommune.no', role: 'member' } });
    await t.database.rawQuery('delete from mergers where id = $1', [mergerId]);
    expect(await t.database.rawQuery('select * from merger_invitations')).toEqual([]);
  });
});
