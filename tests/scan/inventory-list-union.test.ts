import { describe, expect, it } from 'vitest';
import {
  explicit,
  explicitList,
  type Fact,
  type ListUnion,
  unionOf,
  unknown,
  unreadableList,
} from '../../src/model/fact.ts';
import type { Resource } from '../../src/model/resource.ts';
import { Inventory } from '../../src/scan/inventory.ts';

interface Rule {
  readonly name: string;
  readonly priority: number;
}

const RULES: ListUnion<Rule> = {
  key: (rule) => rule.name.toLowerCase(),
  order: (a, b) => a.priority - b.priority,
};
const rules = (...items: Rule[]) => explicitList(items, 'properties.securityRules', RULES);

function group(facts: Record<string, Fact<unknown>>, file: string): Resource {
  return {
    provider: 'azure',
    account: '0b1f6471-1bf0-4dda-aec3-cb9272f09590',
    region: 'japaneast',
    kansaType: 'network.firewall',
    nativeType: 'microsoft.network/networksecuritygroups',
    id: '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourcegroups/rg/providers/microsoft.network/networksecuritygroups/nsg',
    name: 'nsg',
    tags: {},
    facts,
    origin: { file, index: 0 },
  };
}

const merged = (...records: Resource[]) => {
  const inventory = new Inventory();
  for (const record of records) inventory.add(record);
  return inventory.byId('azure', records[0]!.id)!.facts as Record<string, Fact<unknown>>;
};

describe('Inventory: list facts whose records add up (explicitList)', () => {
  it('unions a group’s rules from two records, a rule listed twice once (the first record’s), by priority', () => {
    const facts = merged(
      group(
        {
          inboundRules: rules({ name: 'https', priority: 100 }, { name: 'DenyAllInBound', priority: 65500 }),
        },
        'a',
      ),
      group({ inboundRules: rules({ name: 'ssh', priority: 200 }, { name: 'HTTPS', priority: 999 }) }, 'b'),
    );
    expect(facts.inboundRules).toMatchObject({
      source: 'explicit',
      path: 'properties.securityRules',
      value: [
        { name: 'https', priority: 100 },
        { name: 'ssh', priority: 200 },
        { name: 'DenyAllInBound', priority: 65500 },
      ],
    });
  });

  it('keeps the first explicit value of any other fact, as before', () => {
    const facts = merged(
      group({ flag: explicit(true, 'properties.flag'), list: explicit(['a'], 'properties.list') }, 'a'),
      group({ flag: explicit(false, 'properties.flag'), list: explicit(['b'], 'properties.list') }, 'b'),
    );
    expect(facts.flag?.value).toBe(true);
    expect(facts.list?.value).toEqual(['a']);
  });

  it('an unknown list takes no part: the explicit record’s rules stand', () => {
    const known = rules({ name: 'ssh', priority: 200 });
    const facts = merged(
      group({ inboundRules: unknown('properties.securityRules', { ja: 'なし', en: 'none' }) }, 'a'),
      group({ inboundRules: known }, 'b'),
    );
    expect(facts.inboundRules).toBe(known);
  });

  it('a record whose part of the list cannot be read makes the union unknown, in either order', () => {
    const unreadable = unreadableList('properties.securityRules', RULES);
    for (const [a, b] of [
      [rules({ name: 'ssh', priority: 200 }), unreadable],
      [unreadable, rules({ name: 'ssh', priority: 200 })],
    ] as const) {
      const facts = merged(group({ inboundRules: a }, 'a'), group({ inboundRules: b }, 'b'));
      expect(facts.inboundRules).toMatchObject({ source: 'unknown', path: 'properties.securityRules' });
    }
  });

  it('unions only lists declaring the same union; a union adding nothing is the first fact itself', () => {
    const first = rules({ name: 'a', priority: 1 });
    expect(
      unionOf(first, explicit([{ name: 'b', priority: 2 }], 'properties.securityRules')),
    ).toBeUndefined();
    expect(unionOf(first, rules({ name: 'A', priority: 5 }))).toBe(first);
  });

  it('leaves the declaration out of JSON (evidence, findings)', () => {
    expect(JSON.parse(JSON.stringify(rules({ name: 'a', priority: 1 })))).toEqual({
      source: 'explicit',
      value: [{ name: 'a', priority: 1 }],
      path: 'properties.securityRules',
    });
  });
});
