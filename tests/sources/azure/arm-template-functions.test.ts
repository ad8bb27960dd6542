import { describe, expect, it } from 'vitest';
import {
  evaluateValue,
  type TemplateScope,
  Unknown,
} from '../../../src/sources/azure/template-expression.ts';

// The object and array functions Bicep emits and Azure Verified Modules' main.json builds a
// resource's properties with: `createObject`, `createArray`, `shallowMerge`, `union`, `coalesce` (`??`),
// `tryGet` (`.?`), `union`, `contains`, `first`/`last`, and optional parameters declared `nullable`.

const scope: TemplateScope = {
  parameters: {
    minimumTlsVersion: { type: 'string', defaultValue: 'TLS1_2' },
    publicNetworkAccess: { type: 'string', nullable: true },
    customerManagedKey: { type: 'object', nullable: true },
    networkAcls: { type: 'object', defaultValue: { defaultAction: 'Deny', ipRules: [] } },
    noDefault: { type: 'string' },
    zones: { type: 'array', defaultValue: [1, 2, 3] },
    names: { type: 'array', defaultValue: ['kv', 'st'] },
  },
  variables: {},
};
const evaluated = (text: string) => evaluateValue(text, scope);

describe('ARM template object and array functions', () => {
  it.each([
    ["[createObject('minimumTlsVersion', parameters('minimumTlsVersion'))]", { minimumTlsVersion: 'TLS1_2' }],
    ["[createArray(1, 'a')]", [1, 'a']],
    ["[shallowMerge(createArray(createObject('a', 1, 'b', 1), createObject('b', 2)))]", { a: 1, b: 2 }],
    ["[coalesce(parameters('publicNetworkAccess'), 'Disabled')]", 'Disabled'],
    ['[coalesce(null(), null())]', null],
    ["[tryGet(parameters('networkAcls'), 'defaultAction')]", 'Deny'],
    ["[tryGet(parameters('networkAcls'), 'bypass')]", null],
    ["[tryGet(parameters('customerManagedKey'), 'keyName')]", null],
    ["[contains(parameters('networkAcls'), 'DEFAULTACTION')]", true],
    ["[contains(parameters('names'), 'kv')]", true],
    ["[contains(parameters('names'), 'KV')]", false],
    ["[contains('TLS1_2', '1_2')]", true],
    ['[union(createArray(1, 2), createArray(2, 3))]', [1, 2, 3]],
    [
      "[union(createObject('keySource', 'Microsoft.Storage', 'services', createObject('blob', createObject('enabled', true()))), createObject('services', createObject('file', createObject('enabled', true()))))]",
      { keySource: 'Microsoft.Storage', services: { blob: { enabled: true }, file: { enabled: true } } },
    ],
    ["[union(createObject('rules', createArray(1)), createObject('rules', createArray(2)))]", { rules: [2] }],
    ["[json('null')]", null],
    ['[json(\'{"defaultAction": "Deny"}\')]', { defaultAction: 'Deny' }],
    ["[first(parameters('zones'))]", 1],
    ["[last(parameters('names'))]", 'st'],
    ["[empty(parameters('customerManagedKey'))]", true],
    [
      "[if(not(empty(parameters('customerManagedKey'))), 'Microsoft.Keyvault', 'Microsoft.Storage')]",
      'Microsoft.Storage',
    ],
  ])('%s → %j', (expression, expected) => {
    expect(evaluated(expression)).toEqual(expected);
  });

  it('keeps a member the deployment decides in place, for the reader to mark it alone', () => {
    const value = evaluated(
      "[createObject('tls', parameters('minimumTlsVersion'), 'access', parameters('noDefault'))]",
    );
    expect(value).toMatchObject({ tls: 'TLS1_2' });
    expect((value as { access: unknown }).access).toBeInstanceOf(Unknown);
  });

  it.each([
    "[coalesce(parameters('noDefault'), 'Disabled')]",
    "[tryGet(parameters('noDefault'), 'x')]",
    "[contains(createArray(parameters('noDefault'), 'a'), 'b')]",
    "[shallowMerge(createArray(createObject('a', 1), parameters('noDefault')))]",
    "[createObject(parameters('noDefault'), 1)]",
    "[createObject('odd')]",
    "[json('not json')]",
    "[union(createObject('a', 1), parameters('noDefault'))]",
    "[union(createArray(1), createObject('a', 1))]",
  ])('%s is unknown', (expression) => {
    expect(evaluated(expression)).toBeInstanceOf(Unknown);
  });

  it('finds an item among unknown ones, and a coalesce that is decided before them', () => {
    expect(evaluated("[contains(createArray(parameters('noDefault'), 'a'), 'a')]")).toBe(true);
    expect(evaluated("[coalesce('TLS1_2', parameters('noDefault'))]")).toBe('TLS1_2');
  });
});
