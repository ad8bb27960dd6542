import { describe, expect, it } from 'vitest';
import { parseFramework } from '../../src/frameworks/framework-yaml.ts';
import type { Resource } from '../../src/model/resource.ts';
import { FindingTally } from '../../src/report/summary.ts';
import { evaluate } from '../../src/scan/evaluate.ts';
import { Inventory } from '../../src/scan/inventory.ts';

/** One framework, two requirements sharing common.location.data-in-japan (severity high). */
function framework(first: string, second?: string) {
  const requirement = (id: string, force: string) => `  - id: ${id}
    cite: [{doc: t, at: "1"}]
    force: ${force}
    title: {ja: 国内に置く, en: In Japan}
    checks: [common.location.data-in-japan]
`;
  return parseFramework(
    'policies/test.yaml',
    `id: test
version: "1"
title: {ja: テスト, en: Test}
source: test.txt
documents: {t: {title: {ja: テストの指針, en: Test guideline}, file: test.txt}}
requirements:
${requirement('OSK-1.1', first)}${second ? requirement('OSK-1.2', second) : ''}`,
  );
}

const abroad: Resource = {
  provider: 'aws',
  account: '111122223333',
  region: 'us-east-1',
  kansaType: 'storage.bucket',
  nativeType: 'AWS::S3::Bucket',
  id: 'arn:aws:s3:::city-data',
  name: 'city-data',
  tags: { confidentiality: '1' },
  facts: {},
  origin: { file: 'test' },
};

function findings(f: ReturnType<typeof framework>) {
  const inventory = new Inventory();
  inventory.add(abroad);
  return [...evaluate(inventory, f, new Date('2026-01-01T00:00:00Z'))];
}

describe('force decides severity and verdict', () => {
  it('a must keeps the check severity', () => {
    expect(findings(framework('must')).map((f) => [f.status, f.severity])).toEqual([['FAIL', 'high']]);
  });

  it('a desirable or recommended item is capped at low: it never outranks a must', () => {
    expect(findings(framework('desirable'))[0]?.severity).toBe('low');
    expect(findings(framework('recommended'))[0]?.severity).toBe('low');
  });

  it('a check serving a must and a desirable item keeps the must severity', () => {
    const [finding] = findings(framework('desirable', 'must'));
    expect(finding?.requirements).toEqual(['OSK-1.1', 'OSK-1.2']);
    expect(finding?.severity).toBe('high');
  });

  it('a confirm item reports MANUAL with its findings as information, the FAIL is the must item’s', () => {
    const f = framework('confirm', 'must');
    const tally = new FindingTally();
    for (const finding of findings(f)) tally.add(finding);
    const [confirm, must] = tally.requirements(f, new Set(['aws']));
    expect([confirm?.status, confirm?.counts.FAIL, confirm?.force]).toEqual(['MANUAL', 1, 'confirm']);
    expect([must?.status, must?.force]).toEqual(['FAIL', 'must']);
  });
});
