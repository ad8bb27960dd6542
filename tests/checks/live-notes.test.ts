import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.ts';
import { liveWording } from '../../src/checks/live-notes.ts';
import type { Resource } from '../../src/model/resource.ts';
import { serviceAccountKeyFacts } from '../../src/sources/gcp/adapters/iam.ts';

describe('the notes of evidence read live', () => {
  const check = CHECKS.find((c) => c.meta.id === 'gcp.iam.service-account-key-age')!;
  // A key whose record carries no keyType: its fact is unknown, with a note naming what is missing.
  const key = (file: string): Resource => ({
    provider: 'gcp',
    account: 'kikan-prod',
    region: 'global',
    kansaType: 'iam.service-account-key',
    nativeType: 'iam.googleapis.com/ServiceAccountKey',
    id: '//iam.googleapis.com/projects/kikan-prod/serviceAccounts/a@kikan-prod.iam.gserviceaccount.com/keys/k1',
    name: 'k1',
    tags: {},
    facts: serviceAccountKeyFacts({}, 'resource.data'),
    origin: { file, index: 0 },
  });
  const ctx = {} as Parameters<typeof check.evaluate>[1];
  const notes = (file: string) =>
    check.evaluate(key(file), ctx).evidence.map((fact) => ('note' in fact ? fact.note : undefined));

  it('say what the export lacks for a record from an export file', () => {
    expect(notes('exports/assets.json')).toEqual([
      { ja: '鍵の種類（keyType）がエクスポートにありません', en: 'the export has no keyType' },
    ]);
  });

  it("say what the live scan's data lacks for a record read live", () => {
    expect(notes('cloudasset.googleapis.com/v1/projects/kikan-prod:listAssets')).toEqual([
      {
        ja: '鍵の種類（keyType）がライブ スキャンで読み取った内容にありません',
        en: "the live scan's data has no keyType",
      },
    ]);
  });

  it('come with a message that speaks of the live read, not of the export', () => {
    const live = check.evaluate(key('cloudasset.googleapis.com/v1/projects/kikan-prod:listAssets'), ctx);
    expect(live.message).toBe('unknown.live');
    expect((check.meta.messages as Record<string, unknown>)['unknown.live']).toEqual({
      ja: 'ライブ スキャンで読み取った内容からキーの種類または作成日時を判断できません',
      en: "The live scan's data does not show the key type or creation time",
    });
    expect(check.evaluate(key('exports/assets.json'), ctx).message).toBe('unknown');
  });

  it('keep a cloud feature named export as it is', () => {
    const rds = 'no log exports: by default RDS publishes no database log to CloudWatch Logs';
    expect(liveWording(rds, 'en')).toBe(rds);
    expect(liveWording('The export does not show the SSL mode', 'en')).toBe(
      "The live scan's data does not show the SSL mode",
    );
    expect(liveWording('ログのエクスポート設定がありません', 'ja')).toBe(
      'ログのエクスポート設定がありません',
    );
    expect(liveWording('未設定: このエクスポートに含まれていません', 'ja')).toBe(
      '未設定: ライブ スキャンで読み取った内容に含まれていません',
    );
  });
});

/** A note's text in the sources: `en: '…'`, `ja: '…'`, or the two arguments of `notSet('…', '…')`. */
const NOTE = /\b(en|ja): (['`])((?:\\.|(?!\2)[^\\])*)\2|notSet\(\s*'([^']*)',\s*'([^']*)'/g;
const SOURCES = path.resolve(import.meta.dirname, '../../src/sources');

describe('every note of the sources that names the export', () => {
  it('has a live wording that names it no more (a new phrasing gets a pattern in live-notes.ts)', () => {
    const missed: string[] = [];
    let named = 0;
    for (const file of readdirSync(SOURCES, { recursive: true }).map(String)) {
      if (!file.endsWith('.ts')) continue;
      for (const [, lang, , text, notSetEn, notSetJa] of readFileSync(
        path.join(SOURCES, file),
        'utf8',
      ).matchAll(NOTE)) {
        const texts: [string, 'en' | 'ja'][] =
          lang === undefined
            ? [
                [notSetEn!, 'en'],
                [notSetJa!, 'ja'],
              ]
            : [[text!, lang as 'en' | 'ja']];
        for (const [note, noteLang] of texts) {
          // The input file, not a cloud feature (RDS log exports, a Cloud Logging sink's export).
          const namesExport = noteLang === 'en' ? /\bexport\b/i : /エクスポート(?!設定)/;
          if (!namesExport.test(note)) continue;
          named++;
          if (namesExport.test(liveWording(note, noteLang))) missed.push(`${file}: ${note}`);
        }
      }
    }
    expect(named).toBeGreaterThan(20);
    expect(missed).toEqual([]);
  });
});
