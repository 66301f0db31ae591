import { describe, expect, it } from 'vitest';
import { earlyRequestUrls } from './early-requests.ts';
import { apiUrl } from './lib/api-client.ts';
import { paths } from './lib/paths.ts';

const mergerId = '574a09dc-cc5d-4ada-9a81-a048fc0b839c';

describe('the requests sent before the app has loaded', () => {
  it('are, on the merger start page, what that page asks for first: session, merger and dashboard', () => {
    expect(earlyRequestUrls(paths.merger(mergerId))).toEqual([
      apiUrl('/auth/session'),
      apiUrl(`/mergers/${mergerId}`),
      apiUrl(`/mergers/${mergerId}/dashboard`),
    ]);
  });

  it('are only the session anywhere else', () => {
    for (const pathname of [paths.mergers(), paths.newMerger(), paths.checklist(mergerId), paths.schedule(mergerId), '/sammenslainger/ikke-en-id']) {
      expect(earlyRequestUrls(pathname)).toEqual([apiUrl('/auth/session')]);
    }
  });
});
