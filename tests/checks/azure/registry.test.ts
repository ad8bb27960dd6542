import { describe, expect, it } from 'vitest';
import { azureChecks } from '../../../src/checks/azure/index.ts';
import { render } from '../../../src/model/localized.ts';

describe('azure checks registry', () => {
  it('is sorted by id, with ids under azure.', () => {
    const ids = azureChecks.map((check) => check.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids.every((id) => id.startsWith('azure.'))).toBe(true);
  });

  it.each(azureChecks.map((check) => [check.meta.id, check] as const))(
    '%s has every text in ja and en',
    (_id, check) => {
      const { title, rationale, remediation, messages } = check.meta;
      for (const text of [title, rationale, remediation, ...Object.values(messages)]) {
        expect(text.ja).not.toBe('');
        expect(text.en).not.toBe('');
        expect(render(text.ja, {})).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    },
  );
});
