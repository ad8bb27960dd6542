import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/load.ts';
import { EVIDENCE_WINDOW, FINDINGS_SCHEMA_VERSION } from '../../src/report/findings-schema.ts';
import { checksCatalogue, JsonReportWriter, scanEnd, scanStart } from '../../src/report/json.ts';
import { type FileFinding, loadAll, parseFindings } from '../../src/report/read-findings.ts';
import { FindingTally } from '../../src/report/summary.ts';
import { evaluate } from '../../src/scan/evaluate.ts';
import type { Finding } from '../../src/scan/finding.ts';
import { readInventory } from '../../src/scan/read-inventory.ts';
import { ROOT } from './helpers/findings.ts';

// Shared evidence is written once as an evidence record and cited by number (findings 2.1.0).

let findings: Finding[];
let write: (options?: { evidenceWindow?: number }) => Promise<string>;

beforeAll(async () => {
  const framework = await loadFramework('osaka');
  const inputs = [path.join(ROOT, 'fixtures/sample-tenancy')];
  const { inventory, files, scopes } = await readInventory(
    { inputs, live: [], concurrency: 2 },
    pino({ level: 'silent' }),
  );
  const startedAt = new Date('2026-12-01T00:00:00Z');
  findings = [...evaluate(inventory, framework, startedAt)];
  const tally = new FindingTally();
  for (const f of findings) tally.add(f);
  const providers = new Set(findings.map((f) => f.resource.provider));
  write = async (options) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const writer = new JsonReportWriter(sink, options);
    await writer.begin(
      scanStart({ framework, inputs, startedAt, version: 'test' }),
      checksCatalogue(framework),
    );
    for (const f of findings) await writer.finding(f);
    await writer.end(scanEnd({ framework, tally, providers, files, scopes, resources: inventory.all() }));
    return Buffer.concat(chunks).toString('utf8');
  };
});

const read = (text: string): readonly FileFinding[] => loadAll(parseFindings('findings.json', text)).findings;
const lines = (text: string) => text.trimEnd().split('\n');
const records = (text: string) => lines(text).filter((l) => l.startsWith('{"ref":'));

/** The file as version 2.0.0 wrote it: no evidence records, every item inline. */
function asVersion20(text: string): string {
  const evidence = new Map<number, unknown>();
  const out: string[] = [];
  for (const line of lines(text)) {
    const data = JSON.parse(line);
    if ('schemaVersion' in data) out.push(JSON.stringify({ ...data, schemaVersion: '2.0.0' }));
    else if ('ref' in data) evidence.set(data.ref, data.evidence);
    else if ('resource' in data) {
      for (const f of data.findings) {
        f.evidence = f.evidence.map((e: { ref?: number }) => (e.ref === undefined ? e : evidence.get(e.ref)));
      }
      out.push(JSON.stringify(data));
    } else out.push(line);
  }
  return `${out.join('\n')}\n`;
}

describe('evidence records in the findings file', () => {
  it('reads back every finding of a scan with its evidence identical', async () => {
    const text = await write();
    expect(JSON.parse(lines(text)[0]!).schemaVersion).toBe(FINDINGS_SCHEMA_VERSION);
    expect(records(text).length).toBeGreaterThan(0);
    expect(text).toMatch(/"evidence":\[\{"ref":\d+\}/);
    const back = read(text);
    expect(back).toHaveLength(findings.length);
    for (const [i, f] of findings.entries()) {
      const b = back[i]!;
      expect([b.id, b.checkId, b.status, b.severity, b.message]).toEqual([
        f.id,
        f.checkId,
        f.status,
        f.severity,
        f.message,
      ]);
      expect(b.resource.id).toBe(f.resource.id);
      expect(b.evidence).toEqual(JSON.parse(JSON.stringify(f.evidence)));
    }
  });

  it('writes a shared item once and cites it after that', async () => {
    const text = await write();
    const defined = records(text).map((l) => JSON.parse(l).ref as number);
    expect(defined).toEqual(defined.map((_, i) => i));
    const cited = [...text.matchAll(/\{"ref":(\d+)\}/g)].length;
    expect(cited).toBeGreaterThan(defined.length);
    // Each record comes before the first resource line citing it.
    let seen = -1;
    for (const line of lines(text)) {
      if (line.startsWith('{"ref":')) seen = JSON.parse(line).ref;
      for (const [, ref] of line.startsWith('{"resource":') ? line.matchAll(/\{"ref":(\d+)\}/g) : []) {
        expect(Number(ref)).toBeLessThanOrEqual(seen);
      }
    }
  });

  it('cites the evidence of a resource without a tag mark by ref, also for a mark of many keys', async () => {
    // The parameters' My Number mark has four keys: `tags` = their list, too long a string for
    // model/fact.ts to share, so the check shares one frozen fact per mark (checks/common/lib/tags.ts).
    const resourceFindings = lines(await write())
      .filter((l) => l.startsWith('{"resource":'))
      .flatMap((l) => JSON.parse(l).findings as { check: string; message: string; evidence: unknown[] }[]);
    for (const check of [
      'common.classification.no-my-number-data',
      'common.classification.top-secret-data',
    ]) {
      const unmarked = resourceFindings.filter((f) => f.check === check && f.message === 'notMarked');
      expect(unmarked.length).toBeGreaterThan(1);
      for (const f of unmarked) expect(f.evidence).toEqual([{ ref: expect.any(Number) }]);
    }
  });

  it('keeps only a bounded table: past it, items are written again, and read back the same', async () => {
    const whole = read(await write());
    const text = await write({ evidenceWindow: 10 });
    const distinct = new Set(findings.flatMap((f) => f.evidence.filter((e) => Object.isFrozen(e))));
    expect(distinct.size).toBeGreaterThan(10);
    // A forgotten item is defined again under a new number.
    const defined = records(text).map((l) => JSON.stringify(JSON.parse(l).evidence));
    expect(new Set(defined).size).toBeLessThan(defined.length);
    let last = -1;
    for (const line of lines(text)) {
      if (line.startsWith('{"ref":')) last = JSON.parse(line).ref;
      if (!line.startsWith('{"resource":')) continue;
      for (const [, ref] of line.matchAll(/\{"ref":(\d+)\}/g)) expect(last - Number(ref)).toBeLessThan(10);
    }
    expect(read(text)).toEqual(whole);
  });

  it('still reads a 2.0.0 file, whose evidence is all inline', async () => {
    const text = await write();
    const old = asVersion20(text);
    expect(old).not.toMatch(/\{"ref":/);
    const file = loadAll(parseFindings('old.json', old));
    expect(file.schemaVersion).toBe('2.0.0');
    expect(file.findings).toEqual(read(text));
  });

  it('refuses a ref past the window, to a record not yet written, and records out of order', async () => {
    const text = lines(await write());
    const head = text.filter((l) => l.startsWith('{"schemaVersion"') || l.startsWith('{"check":'));
    const trailer = text.at(-1)!;
    const resource = JSON.parse(text.find((l) => l.startsWith('{"resource":'))!);
    const citing = (ref: number) => {
      resource.findings[0].evidence = [{ ref }];
      return JSON.stringify(resource);
    };
    const evidenceRecords = Array.from(
      { length: EVIDENCE_WINDOW + 1 },
      (_, ref) => `{"ref":${ref},"evidence":{"source":"explicit","path":"p","value":${ref}}}`,
    );
    const file = (...body: string[]) => `${[...head, ...body, trailer].join('\n')}\n`;
    const firstEvidence = (t: string) => [...parseFindings('f.json', t).findings][0]!.evidence;

    expect(firstEvidence(file(...evidenceRecords, citing(1)))).toEqual([
      { source: 'explicit', path: 'p', value: 1 },
    ]);
    const line = head.length + evidenceRecords.length + 1;
    expect(() => firstEvidence(file(...evidenceRecords, citing(0)))).toThrow(
      `f.json:${line}: evidence ref 0 names no evidence record among the last 100,000 before this line`,
    );
    expect(() => firstEvidence(file(evidenceRecords[0]!, citing(1)))).toThrow(
      /evidence ref 1 names no evidence/,
    );
    expect(() => firstEvidence(file(evidenceRecords[1]!, citing(1)))).toThrow(
      /evidence record 1 out of order: records are numbered in file order, and 0 comes next/,
    );
    expect(() => firstEvidence(file('{"ref":0,"evidence":{"path":"p"}}', citing(0)))).toThrow(
      /invalid findings file at evidence: missing property "source"/,
    );
  });
});
