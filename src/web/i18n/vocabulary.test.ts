import { describe, expect, it } from 'vitest';
import { nbVocabulary } from '#shared/vocabulary/nb.ts';
import { nb } from './nb.ts';

describe('the web catalog', () => {
  it('takes the names of fixed values from the vocabulary rather than its own copies', () => {
    expect(nb.status).toBe(nbVocabulary.taskStatus);
    expect(nb.roles).toBe(nbVocabulary.mergerRole);
    expect(nb.schedule.milestones.kinds).toBe(nbVocabulary.milestoneKind);
    expect(nb.decisions.outcomes).toBe(nbVocabulary.decisionOutcome);
    expect(nb.risks.statuses).toBe(nbVocabulary.riskStatus);
    expect(nb.benefits.statuses).toBe(nbVocabulary.benefitStatus);
    expect(nb.contractDeadlines.actions).toBe(nbVocabulary.contractAction);
    expect(nb.inventory.values).toBe(nbVocabulary.inventoryValue);
  });
});
