import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/checks/check.ts';
import type { Framework } from '../../src/frameworks/framework.ts';
import { loadFramework } from '../../src/frameworks/load.ts';
import type { CheckEntry } from '../../src/report/findings-schema.ts';
import { checksCatalogue, JsonReportWriter, scanStart } from '../../src/report/json.ts';
import { evaluate } from '../../src/scan/evaluate.ts';
import type { Finding, FindingResource } from '../../src/scan/finding.ts';
import { readInventory } from '../../src/scan/read-inventory.ts';
import { ROOT } from './helpers/findings.ts';

// The findings writer copies a finding's text from its memo when an earlier finding had the
// same parts (src/report/finding-lines.ts). Whatever the memo holds, the file must be the one
// written with every text built from its parts: a memo of 0 nodes remembers nothing.

let framework: Framework;

beforeAll(async () => {
  framework = await loadFramework('osaka');
});

async function written(
  findings: readonly Finding[],
  catalogue: readonly CheckEntry[],
  options: { memoNodes?: number; evidenceWindow?: number; reuseChunks?: boolean },
): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 4 << 20,
    write(chunk: Buffer, _encoding, done) {
      // As a file does: the chunk is copied out, and the write completes later.
      chunks.push(options.reuseChunks ? Buffer.from(chunk) : chunk);
      setImmediate(done);
    },
  });
  const writer = new JsonReportWriter(sink, options);
  await writer.begin(
    scanStart({ framework, inputs: [], startedAt: new Date(0), version: 'test' }),
    catalogue,
  );
  for (const f of findings) await writer.finding(f);
  await writer.end({} as never);
  return Buffer.concat(chunks).toString('utf8');
}

function resource(n: number): FindingResource {
  return {
    provider: 'aws',
    account: '1',
    region: 'global',
    type: 'account',
    nativeType: 'AWS::::Account',
    id: `r${n}`,
    name: `名前${n}`,
    classification: 1,
    origin: { file: 'f', index: n },
  };
}

describe('the memo of finding texts', () => {
  it('gives the file written without it, for findings that repeat, differ in one part, or are not remembered', async () => {
    const [entry] = checksCatalogue(framework);
    const check: CheckEntry = {
      ...entry!,
      id: 'test.check',
      messages: { m: { ja: '{{a}} と {{b}}', en: '{{a}} and {{b}}' }, plain: { ja: 'なし', en: 'none' } },
    };
    const shared: Evidence = Object.freeze({ source: 'explicit', value: 'a shared setting', path: 'p' });
    const short: Evidence = Object.freeze({ source: 'explicit', value: 1, path: 'q' });
    const finding = (n: number, fields: Partial<Finding>): Finding =>
      ({
        checkId: 'test.check',
        status: 'PASS',
        severity: check.severity,
        messageId: 'm',
        data: undefined,
        evidence: [shared],
        resource: resource(n),
        ...fields,
      }) as unknown as Finding;
    const findings: Finding[] = [];
    for (let n = 0; n < 40; n++) {
      findings.push(
        finding(n, { data: { a: 'ap-northeast-1', b: n % 3 } }),
        finding(n, { data: { a: 'ap-northeast-1', b: String(n % 3) } }),
        finding(n, { data: { a: 'ap-northeast-1' } }),
        finding(n, { data: { a: 'ap-northeast-1', b: undefined } }),
        finding(n, { data: { a: ['x', n % 2], b: { k: 'v' } } }),
        finding(n, { status: n % 4 === 0 ? 'FAIL' : 'UNKNOWN', evidence: [shared, short] }),
        finding(n, { evidence: [short, shared] }),
        finding(n, { evidence: [{ source: 'explicit', value: [`v${n % 5}`], path: 'tags' }] }),
        finding(n, { evidence: Array.from({ length: 9 }, () => shared) }),
        finding(n, { messageId: 'plain', data: { a: 1 } }),
        finding(n, { severity: 'critical' }),
        finding(n, { status: 'FAIL', change: n % 2 ? 'introduced' : 'kept' }),
        finding(n, {
          status: 'FAIL',
          waiver: { id: 'W-1', reason: 'r', approver: 'a', approved: '2026-01-01', expires: '2027-01-01' },
        }),
      );
    }
    const plain = await written(findings, [check], { memoNodes: 0 });
    expect(plain.split('\n').length).toBeGreaterThan(40);
    expect(await written(findings, [check], {})).toBe(plain);
    // A memo that starts afresh every few findings, and refs that are forgotten along the way.
    expect(await written(findings, [check], { memoNodes: 7 })).toBe(plain);
    expect(await written(findings, [check], { memoNodes: 7, evidenceWindow: 10 })).toBe(
      await written(findings, [check], { memoNodes: 0, evidenceWindow: 10 }),
    );
  });

  it('gives the file written without it for the sample tenancy', async () => {
    const { inventory } = await readInventory(
      { inputs: [path.join(ROOT, 'fixtures/sample-tenancy')], live: [], concurrency: 2 },
      pino({ level: 'silent' }),
    );
    const findings = [...evaluate(inventory, framework, new Date('2026-12-01T00:00:00Z'))];
    const catalogue = checksCatalogue(framework);
    const plain = await written(findings, catalogue, { memoNodes: 0 });
    expect(await written(findings, catalogue, {})).toBe(plain);
    expect(await written(findings, catalogue, { memoNodes: 50, evidenceWindow: 20 })).toBe(
      await written(findings, catalogue, { memoNodes: 0, evidenceWindow: 20 }),
    );
  });
});

describe("the findings writer's batches", () => {
  it('are filled again once the stream is done with them, and the file is the same', async () => {
    const [entry] = checksCatalogue(framework);
    const check: CheckEntry = { ...entry!, id: 'test.check', messages: { m: { ja: '{{a}}', en: '{{a}}' } } };
    // About 6 MB: several 1 MB batches in flight behind a 2 MB high-water mark.
    const findings = Array.from(
      { length: 12_000 },
      (_, n) =>
        ({
          checkId: 'test.check',
          status: 'PASS',
          severity: check.severity,
          messageId: 'm',
          data: { a: `${n}`.padEnd(1000, 'x') },
          evidence: [],
          resource: resource(n),
        }) as unknown as Finding,
    );
    const kept = await written(findings, [check], {});
    expect(kept.length).toBeGreaterThan(12_000_000);
    expect(await written(findings, [check], { reuseChunks: true })).toBe(kept);
  });
});
