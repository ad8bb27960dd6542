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

describe('the terminal summary', () => {
  it('names the framework in full-width brackets in Japanese, in ASCII ones in English', () => {
    expect(summary([], 'ja').split('\n')[0]).toBe(
      'kansa — 大阪市クラウドサービス関連ガイドライン（第4章 クラウドサービスの利用）（osaka 2024-04）',
    );
    expect(summary([], 'en').split('\n')[0]).toBe(`kansa — ${framework.title.en} (osaka 2024-04)`);
  });
});
