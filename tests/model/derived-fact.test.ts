import { describe, expect, it } from 'vitest';
import { decideOnFacts } from '../../src/checks/verdict.ts';
import { asEvidence, cloudDefault, derived, explicit, unknown } from '../../src/model/fact.ts';

const PATH = 'resource.data.privateClusterConfig.enablePrivateEndpoint';
const NOTE = { ja: '指定なし', en: 'not set' };

describe('derived facts', () => {
  it('decide on the worked-out value and show the field with its own value', () => {
    const publicEndpoint = derived(true, explicit(false, PATH));
    expect(publicEndpoint).toMatchObject({ source: 'explicit', value: true, path: PATH });
    expect(asEvidence(publicEndpoint)).toEqual({ source: 'explicit', value: false, path: PATH });
  });

  it('keep a default field’s provenance and note', () => {
    const publicEndpoint = derived(true, cloudDefault(false, PATH, NOTE));
    expect(publicEndpoint).toMatchObject({ source: 'default', value: true, note: NOTE });
    expect(asEvidence(publicEndpoint)).toEqual({ source: 'default', value: false, path: PATH, note: NOTE });
  });

  it('of an unknown field are that unknown', () => {
    const field = unknown(PATH, NOTE);
    expect(derived(true, field)).toBe(field);
  });

  it('worked out again show the first field', () => {
    const field = explicit('Disabled', 'properties.publicNetworkAccess');
    expect(asEvidence(derived('closed', derived(false, field)))).toBe(field);
  });

  it('are shared, frozen, for a shared field and a small value (a million resources)', () => {
    const a = derived(true, explicit(false, PATH));
    expect(derived(true, explicit(false, PATH))).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(derived(false, explicit(false, PATH))).not.toBe(a);
  });

  it('name the field and its own value in a failing verdict’s message', () => {
    const result = decideOnFacts(
      [{ fact: derived(true, explicit(false, PATH)), compliant: (v) => v === false }],
      {
        pass: 'pass',
        fail: 'fail',
        unknown: 'unknown',
      },
    );
    expect(result.data).toEqual({ failing: [`${PATH} = false`] });
  });
});
