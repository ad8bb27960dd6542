import { expect } from 'vitest';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { keyVaultRow } from '../arg-rows.ts';

const base = { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', sku: { family: 'A', name: 'standard' } };

const table = [
  {
    name: 'soft delete and purge protection on',
    properties: { ...base, enableSoftDelete: true, enablePurgeProtection: true },
    status: 'PASS',
    message: 'recoverable',
    sources: ['explicit', 'explicit'],
  },
  {
    name: 'purge protection absent (null until enabled)',
    properties: { ...base, enableSoftDelete: true },
    status: 'FAIL',
    message: 'notRecoverable',
    sources: ['explicit', 'default'],
  },
  {
    name: 'soft delete absent → on by default, purge protection on',
    properties: { ...base, enablePurgeProtection: true },
    status: 'PASS',
    message: 'recoverable',
    sources: ['default', 'explicit'],
  },
  {
    name: 'soft delete explicitly off',
    properties: { ...base, enableSoftDelete: false, enablePurgeProtection: true },
    status: 'FAIL',
    message: 'notRecoverable',
    sources: ['explicit', 'explicit'],
  },
] as const;

const projected = keyVaultRow('kv-projected', {});
delete projected.properties;

const cases: AnyCase[] = [
  ...table.map(({ name, properties, status, message, sources }) => ({
    name,
    records: [keyVaultRow('kv-case', properties)],
    status,
    messageId: message,
    assert: (result: { evidence: readonly { source: string }[] }) =>
      expect(result.evidence.map((fact) => fact.source)).toEqual(sources),
  })),
  {
    name: 'the row projected without properties',
    records: [projected],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default byVerdict(cases) satisfies RuleTests;
