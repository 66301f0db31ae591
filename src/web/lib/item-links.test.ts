import { describe, expect, it } from 'vitest';
import { itemLinks } from '#shared/item-links.ts';
import { myWorkParam } from '#web/features/my-work/my-work-filters.ts';
import { paths } from './paths.ts';

describe('the links the server puts in notifications and «Mine oppgaver»', () => {
  it('are the web app’s own addresses', () => {
    expect(itemLinks.task('m', 't')).toBe(paths.task('m', 't'));
    expect(itemLinks.mitigation('m', 'r')).toBe(paths.risk('m', 'r'));
    expect(itemLinks.benefit('m', 'b')).toBe(paths.benefit('m', 'b'));
    expect(itemLinks.decision('m', 'a')).toBe(paths.decisionArea('m', 'a'));
    expect(itemLinks.myWorkInMerger('m')).toBe(paths.myWork(`?${myWorkParam.merger}=m`));
  });
});
