import { describe, expect, it } from 'vitest';
import {
  chartLabel,
  evidenceValue,
  forceText,
  formatTime,
  orgParametersText,
  skippedText,
} from '../../../src/report/html/client/format.js';
import { HISTORY, SEVERITY_LABEL, STATUS_LABEL, T } from '../../../src/report/html/client/labels.js';
import type { Requirement } from '../../../src/report/html/client/types.js';

const requirement: Requirement = {
  id: 'OSK-9.1',
  clause: '第4章 3.5(1)',
  title: { ja: 'ログの保存', en: 'Log retention' },
  status: 'FAIL',
  counts: { FAIL: 1, UNKNOWN: 0, PASS: 0, NOT_APPLICABLE: 0 },
  checks: [],
  manual: [],
};

describe('page script: texts composed from the data', () => {
  it('writes a time in the reader’s locale for the page’s language, and keeps what is not a time', () => {
    const at = '2026-11-30T09:05:00.000Z';
    expect(formatTime(at, 'ja')).toBe(new Date(at).toLocaleString('ja-JP'));
    expect(formatTime(at, 'en')).toBe(new Date(at).toLocaleString('en-GB'));
    expect(formatTime('yesterday', 'en')).toBe('yesterday');
  });

  it('words a requirement’s force as the clause does, and nothing for files written before it was carried', () => {
    expect(forceText({ ...requirement, force: 'desirable' }, T.ja)).toBe('[望ましい]');
    expect(forceText({ ...requirement, force: 'must' }, T.en)).toBe('[must]');
    expect(forceText(requirement, T.en)).toBe('');
  });

  it('lists the organisation’s parameters with their values as JSON; nothing when there are none', () => {
    const withParameters = {
      ...requirement,
      orgParameters: [
        { name: 'retentionDays', value: 365 },
        { name: 'regions', value: ['japaneast'] },
      ],
    };
    expect(orgParametersText(withParameters, T.en)).toBe(
      `${T.en.orgParameters}: retentionDays = 365, regions = ["japaneast"]`,
    );
    expect(orgParametersText({ ...requirement, orgParameters: [] }, T.en)).toBe('');
    expect(orgParametersText(requirement, T.ja)).toBe('');
  });

  it('places a skipped record by its line, else its index', () => {
    expect(skippedText({ line: 12, index: 3, reason: 'bad JSON' })).toBe('L12 bad JSON');
    expect(skippedText({ index: 0, reason: 'no type' })).toBe('#0 no type');
    expect(skippedText({ reason: 'empty' })).toBe(' empty');
    // In Japanese, the reason the report data carries in Japanese (report/problem-text.ts).
    const skipped = {
      line: 2,
      reason: 'invalid JSON: expected a value',
      reasonJa: 'JSON として不正です: 値が必要です',
    };
    expect(skippedText(skipped, 'ja')).toBe('L2 JSON として不正です: 値が必要です');
    expect(skippedText(skipped, 'en')).toBe('L2 invalid JSON: expected a value');
  });

  it('shows evidence values as JSON, and a dash when the export has none', () => {
    expect(evidenceValue({ Name: '<b>' })).toBe('{"Name":"<b>"}');
    expect(evidenceValue(false)).toBe('false');
    expect(evidenceValue(null)).toBe('null');
    expect(evidenceValue(undefined)).toBe('—');
  });

  it('cuts a chart label past 34 characters', () => {
    expect(chartLabel('a'.repeat(34))).toBe('a'.repeat(34));
    expect(chartLabel('a'.repeat(35))).toBe(`${'a'.repeat(33)}…`);
  });
});

describe('page script: its words', () => {
  it('has every word in Japanese and in English', () => {
    const keys = (value: object): string[] =>
      Object.entries(value).flatMap(([k, v]) =>
        v !== null && typeof v === 'object' ? keys(v).map((sub) => `${k}.${sub}`) : [k],
      );
    for (const table of [T, STATUS_LABEL, HISTORY, SEVERITY_LABEL]) {
      expect(keys(table.ja)).toEqual(keys(table.en));
      for (const lang of ['ja', 'en'] as const) {
        for (const [k, v] of Object.entries(table[lang])) {
          if (typeof v === 'string') expect(v.trim(), `${lang} ${k}`).not.toBe('');
        }
      }
    }
    expect(T.ja.shown(3, 10)).toBe('10 件中 3 件');
    expect(T.en.shown(3, 10)).toBe('3 of 10');
  });
});
