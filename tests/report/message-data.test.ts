import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/load.ts';
import { render, templateValues } from '../../src/model/localized.ts';
import type { CheckEntry } from '../../src/report/findings-schema.ts';
import { checksCatalogue, JsonReportWriter, scanStart } from '../../src/report/json.ts';
import type { Finding } from '../../src/scan/finding.ts';

// A finding's `data` is the values of its message's placeholders (templateValues), written by
// the findings writer without building that object: the two must give the same JSON.

const MESSAGE = { ja: '{{b}} と {{1}}、{{a}}', en: '{{c}} then {{a}} and {{b}}' };

async function dataOf(data: Finding['data'], messageId = 'm'): Promise<string> {
  const framework = await loadFramework('osaka');
  const [entry] = checksCatalogue(framework);
  const check: CheckEntry = {
    ...entry!,
    id: 'test.check',
    messages: { m: MESSAGE, plain: { ja: 'なし', en: 'none' } },
  };
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const writer = new JsonReportWriter(sink);
  await writer.begin(scanStart({ framework, inputs: [], startedAt: new Date(0), version: 'test' }), [check]);
  const resource = {
    provider: 'aws',
    account: '1',
    region: 'global',
    type: 'account',
    nativeType: 'AWS::::Account',
    id: 'a',
    name: 'a',
    classification: 1,
    origin: { file: 'f' },
  } as const;
  await writer.finding({
    checkId: 'test.check',
    status: 'PASS',
    severity: check.severity,
    messageId,
    data,
    evidence: [],
    resource,
  } as unknown as Finding);
  await writer.end({} as never);
  const line = Buffer.concat(chunks).toString('utf8').split('\n')[2]!;
  JSON.parse(line);
  if (!line.includes('"data":')) return '';
  return line.slice(line.indexOf('"data":') + 7, line.indexOf(',"evidence"'));
}

describe("a finding's data", () => {
  it('is the JSON of templateValues: integer-like names first, then in first-seen order, values formatted', async () => {
    const data = { a: ['x', 'y'], b: 2, 1: { k: 'v' }, c: undefined, unused: 'z' };
    const json = await dataOf(data);
    expect(json).toBe(JSON.stringify(templateValues(MESSAGE, data)));
    expect(json).toBe('{"1":"{\\"k\\":\\"v\\"}","b":"2","a":"x, y","c":"(absent)"}');
  });

  it('is left out when the data holds none of the placeholders, or the message has none', async () => {
    expect(await dataOf({ unused: 1 })).toBe('');
    expect(await dataOf({ a: 1 }, 'plain')).toBe('');
  });
});

describe('a counted placeholder {{name|one|other}}', () => {
  const text = { ja: '{{days}} 日間保持', en: 'Kept for {{days|day|days}} ({{count|key is|keys are}} old)' };

  it('renders the count with the noun that agrees with it, as the findings file re-renders it', () => {
    expect(render(text.en, { days: 1, count: 2 })).toBe('Kept for 1 day (2 keys are old)');
    expect(render(text.en, { days: 0, count: 1 })).toBe('Kept for 0 days (1 key is old)');
    // The findings file keeps the values formatted (strings); the reader renders the same text.
    const kept = templateValues(text, { days: 1, count: 90 })!;
    expect(kept).toEqual({ days: '1', count: '90' });
    expect(render(text.en, kept)).toBe('Kept for 1 day (90 keys are old)');
  });

  it('stays visible when its value is missing', () => {
    expect(render(text.en, { count: 3 })).toBe('Kept for {{days|day|days}} (3 keys are old)');
  });
});
