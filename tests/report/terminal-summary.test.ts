import { beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../src/frameworks/framework.ts';
import { loadFramework } from '../../src/frameworks/load.ts';
import type { Coverage } from '../../src/report/json.ts';
import { FindingTally } from '../../src/report/summary.ts';
import { renderSummary } from '../../src/report/terminal.ts';

let framework: Framework;

beforeAll(async () => {
  framework = await loadFramework('osaka');
});

/** The terminal summary of a scan that found nothing, over these files. */
function summary(files: Coverage['files'], lang: 'ja' | 'en'): string {
  const tally = new FindingTally();
  return renderSummary({
    framework,
    requirements: tally.requirements(framework, new Set(['aws', 'azure', 'gcp'])),
    tally,
    coverage: { files, scopes: [], resourcesByType: [], notEvaluated: [] },
    resources: 0,
    lang,
    color: false,
  });
}

const file = (path: string, skipped: Coverage['files'][number]['skipped']) => ({
  path,
  sha256: '',
  bytes: 1,
  resources: 1,
  skipped,
});

describe('the terminal summary', () => {
  it('names the framework in full-width brackets in Japanese, in ASCII ones in English', () => {
    expect(summary([], 'ja').split('\n')[0]).toBe(
      'kansa — 大阪市クラウドサービス関連ガイドライン（第4章 クラウドサービスの利用）（osaka 2024-04）',
    );
    expect(summary([], 'en').split('\n')[0]).toBe(`kansa — ${framework.title.en} (osaka 2024-04)`);
  });

  it('keeps a confirm requirement MANUAL beside its failures, naming the requirements they are judged under', () => {
    const tally = new FindingTally();
    // Two resources abroad: common.location.data-in-japan fails them under OSK-7.1, LOC-1 and CLS-1.
    const failing = new Set(['OSK-7.1', 'LOC-1', 'CLS-1']);
    const requirements = tally.requirements(framework, new Set(['aws'])).map((r) =>
      failing.has(r.id)
        ? {
            ...r,
            status: r.force === 'confirm' ? r.status : ('FAIL' as const),
            counts: { ...r.counts, FAIL: 2 },
          }
        : r,
    );
    const row = (lang: 'ja' | 'en') =>
      renderSummary({
        framework,
        requirements,
        tally,
        coverage: { files: [], scopes: [], resourcesByType: [], notEvaluated: [] },
        resources: 0,
        lang,
        color: false,
      })
        .split('\n')
        .find((line) => line.startsWith('  OSK-7.1 '));
    expect(row('en')).toMatch(
      /^ {2}OSK-7\.1 +MANUAL +2 +0 +0 +confirm .* {2}\[failures judged under LOC-1, CLS-1\]$/,
    );
    expect(row('ja')).toMatch(
      /^ {2}OSK-7\.1 +要手動確認 +2 +0 +0 +確認 .*確認する［不適合は LOC-1・CLS-1 で判定］$/,
    );
  });

  it('lists skipped records by file, then line or index, whatever order they were read in', () => {
    // As a scan covers them: files in the order read, and an unplaced resource skipped after its file was read.
    const files = [
      file('exports/gcp/assets.ndjson', [
        { line: 9, reason: 'invalid JSON' },
        { line: 3, reason: 'invalid JSON' },
        { line: 1, reason: 'no project' },
      ]),
      file('exports/aws/config.json', [
        { index: 12, reason: 'no resourceType' },
        { index: 2, reason: 'no resourceType' },
      ]),
      file('exports/gcp/assets.json', [{ reason: 'empty' }]),
    ];
    const lines = summary(files, 'en').split('\n');
    const from = lines.indexOf('Records skipped: 6');
    expect(lines.slice(from + 1, from + 7)).toEqual([
      '  exports/aws/config.json [2]: no resourceType',
      '  exports/aws/config.json [12]: no resourceType',
      '  exports/gcp/assets.json: empty',
      '  exports/gcp/assets.ndjson:1: no project',
      '  exports/gcp/assets.ndjson:3: invalid JSON',
      "  and 1 more (reasons in the JSON report's coverage.files)",
    ]);
  });
});
