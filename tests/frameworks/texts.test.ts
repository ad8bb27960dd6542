import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.ts';
import type { Framework } from '../../src/frameworks/framework.ts';
import { listFrameworks, loadFramework } from '../../src/frameworks/load.ts';
import { PROBLEM_TEXTS_JA } from '../../src/report/problem-text.ts';

const frameworks: Framework[] = [];
beforeAll(async () => {
  for (const name of await listFrameworks()) frameworks.push(await loadFramework(name));
});

/**
 * One spelling of each word, the one the guidelines use: ユーザ, ロードバランサ, サービスアカウント
 * (Osaka guidelines 第4章 3.5(1)③, 表 No.1; issue #18 overrides #11's ユーザー), and 機密性 2 with
 * the spaces the Kobe and national texts put around the class (機密性 2 以上).
 */
const MIXED_FORMS = [
  /ユーザー/,
  /ロードバランサー/,
  /ロード バランサ/,
  /サービス アカウント/,
  /機密性\d|機密性 \d(?=[ぁ-んァ-ヶ一-龠])/,
];

/** A Japanese character: kana, kanji, the long-vowel mark. */
const JA_CHAR = '[ぁ-んァ-ヶー一-龠々]';
/**
 * Punctuation in Japanese text is full-width: （…） around Japanese and around codes and words
 * alike (（TLS1_0）, （{{mode}}）, （Reader）), 、 。 ？ rather than , . ? ASCII brackets stay
 * where they are not the text's own: a guideline's clause numbering (3.5(1), 2)(3)) and a
 * portal label quoted as the portal spells it ([アクセス制御 (IAM)]).
 */
const HALF_WIDTH = [/\((?!\d+\))[^()]*\)/, new RegExp(`${JA_CHAR}[,.?](?!\\d)`)];
/** A portal label, quoted verbatim in square brackets. */
const PORTAL_LABEL = /\[[^[\]]*\]/g;
/**
 * In a source line: ASCII brackets beside Japanese text (not a regular expression's group,
 * `(?=…)`), or an ASCII question mark after it (（不要?） reads as a doubt, not Japanese).
 */
const HALF_WIDTH_BESIDE_JA = new RegExp(
  `${JA_CHAR} ?\\((?!\\d+\\)|\\?)[^()'\`]*\\)|\\((?!\\d+\\)|\\?)[^()'\`]*\\) ?${JA_CHAR}|${JA_CHAR}\\?`,
);

/** Every `ja` string in a value (check meta, framework texts), with where it is. */
function jaStrings(value: unknown, where: string): { where: string; text: string }[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'ja' && typeof v === 'string' ? [{ where, text: v }] : jaStrings(v, `${where}.${key}`),
  );
}

/** The sources that hold what a person reads besides check and framework texts: reports and the CLI. */
function reportSources(): Promise<{ where: string; text: string }[]> {
  return sourcesOf(['report', 'cli']);
}

/** The source files of these layers of src/, with where each is. */
async function sourcesOf(layers: readonly string[]): Promise<{ where: string; text: string }[]> {
  const sources = await Promise.all(
    layers.map(async (layer) => {
      const dir = path.resolve(import.meta.dirname, `../../src/${layer}`);
      const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(ts|js)$/.test(f));
      return Promise.all(
        files.map(async (f) => ({
          where: `src/${layer}/${f}`,
          text: await readFile(path.join(dir, f), 'utf8'),
        })),
      );
    }),
  );
  return sources.flat();
}

describe('Japanese texts', () => {
  it('use one form of each word in check meta, frameworks and reports', async () => {
    const texts = [
      ...CHECKS.flatMap((check) => jaStrings(check.meta, check.meta.id)),
      ...frameworks.flatMap((f) => jaStrings({ title: f.title, documents: f.documents }, f.id)),
      ...frameworks.flatMap((f) => f.requirements.flatMap((r) => jaStrings(r, `${f.id} ${r.id}`))),
      ...(await reportSources()),
    ];
    expect(texts.length).toBeGreaterThan(500);
    const mixed = texts.flatMap(({ where, text }) =>
      MIXED_FORMS.filter((form) => form.test(text)).map((form) => `${where}: ${form.source}`),
    );
    expect(mixed).toEqual([]);
  });

  it('use full-width punctuation in check meta, frameworks and problem texts', () => {
    const texts = [
      ...CHECKS.flatMap((check) => jaStrings(check.meta, check.meta.id)),
      ...frameworks.flatMap((f) => jaStrings({ title: f.title, documents: f.documents }, f.id)),
      ...frameworks.flatMap((f) => f.requirements.flatMap((r) => jaStrings(r, `${f.id} ${r.id}`))),
      ...PROBLEM_TEXTS_JA.map((text) => ({ where: 'src/report/problem-text.ts', text })),
    ];
    const wrong = texts.flatMap(({ where, text }) => {
      const own = text.replace(PORTAL_LABEL, '');
      return HALF_WIDTH.filter((form) => form.test(own)).map((form) => `${where}: ${form.exec(own)?.[0]}`);
    });
    expect(wrong).toEqual([]);
  });

  it('put （…）, not (…), beside Japanese in every layer (reports, CLI, the adapters’ default notes…)', async () => {
    const layers = [
      'base',
      'model',
      'sources',
      'checks',
      'scan',
      'frameworks',
      'report',
      'store',
      'send',
      'cli',
    ];
    const wrong = (await sourcesOf(layers)).flatMap(({ where, text }) =>
      text.split('\n').flatMap((line, i) => {
        // Comments are English, for the code's readers; they may quote the Japanese words.
        if (/^\s*(?:\/\/|\*|\/\*)/.test(line)) return [];
        const found = HALF_WIDTH_BESIDE_JA.exec(line.replace(PORTAL_LABEL, ''));
        return found ? [`${where}:${i + 1}: ${found[0]}`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('catch ASCII brackets around a code and ASCII question marks in Japanese, and let clause numbers and portal labels be', () => {
    const flagged = (text: string) => HALF_WIDTH.some((form) => form.test(text.replace(PORTAL_LABEL, '')));
    expect(flagged('最小 TLS バージョンが古い設定です (TLS1_0)')).toBe(true);
    expect(flagged('暗号化された接続のみ許可されます ({{mode}})')).toBe(true);
    expect(flagged('最小 TLS バージョンが古い設定です（TLS1_0）')).toBe(false);
    expect(flagged('国の基本方針 3.3 2)(1) と大阪市ガイドライン 第4章 3.5(1)')).toBe(false);
    expect(flagged('[アクセス制御 (IAM)] でロールを削除します')).toBe(false);
    expect(HALF_WIDTH_BESIDE_JA.test("ja: 'ロールが必要です (Reader)',")).toBe(true);
    expect(HALF_WIDTH_BESIDE_JA.test("'needs JavaScript (no network). / 通信は行いません'")).toBe(false);
    expect(HALF_WIDTH_BESIDE_JA.test("stale: '該当なし（不要?）',")).toBe(true);
    expect(flagged('（$1 のことですか?）')).toBe(true);
  });

  it('requirement titles are sentences with no parenthetical aside', () => {
    const wrong: string[] = [];
    for (const framework of frameworks) {
      for (const { id, title } of framework.requirements) {
        // A verb or a negation ends a Japanese sentence; a noun phrase ends in a noun.
        if (!/(?:[うくすつぬぶむるぐ]|ない)$/.test(title.ja))
          wrong.push(`${framework.id} ${id}: not a sentence`);
        // Only an abbreviation may follow in parentheses, e.g. 復旧時点目標（RPO）.
        const aside = /（(?![A-Z]+）)[^）]*）/.exec(title.ja);
        if (aside) wrong.push(`${framework.id} ${id}: aside ${aside[0]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('what users see', () => {
  it('never names the guidelines by their source file names', () => {
    const FILE = /\d{3}_[0-9a-f]{16}|shared\/seeds/;
    for (const check of CHECKS) expect(JSON.stringify(check.meta), check.meta.id).not.toMatch(FILE);
    for (const framework of frameworks) {
      for (const requirement of framework.requirements) {
        const shown = { clause: requirement.clause, title: requirement.title, manual: requirement.manual };
        expect(JSON.stringify(shown), `${framework.id} ${requirement.id}`).not.toMatch(FILE);
      }
    }
  });
});

describe('MANUAL texts agree with the mapping', () => {
  const NO_AUTOMATION =
    /未対応|Not yet automated|not yet (?:checked|available|automated)|自動チェックが(?:見る|示す)のは.*だけ|The checks (?:cover|show) only/i;

  it('never claim that nothing is automated where checks are mapped', () => {
    const wrong: string[] = [];
    for (const framework of frameworks) {
      for (const requirement of framework.requirements) {
        if (requirement.checks.length === 0) continue;
        for (const [cloud, text] of Object.entries(requirement.manual)) {
          if (NO_AUTOMATION.test(text.ja) || NO_AUTOMATION.test(text.en))
            wrong.push(`${framework.id} ${requirement.id} (${cloud})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('name only checks mapped to the same requirement, and requirements that exist', () => {
    const wrong: string[] = [];
    for (const framework of frameworks) {
      const ids = new Set(framework.requirements.map((r) => r.id));
      for (const requirement of framework.requirements) {
        for (const text of Object.values(requirement.manual).flatMap((t) => [t.ja, t.en])) {
          for (const [checkId] of text.matchAll(/\b(?:common|aws|azure|gcp)\.[a-z-]+\.[a-z-]+/g)) {
            if (!requirement.checks.includes(checkId))
              wrong.push(`${framework.id} ${requirement.id}: ${checkId}`);
          }
          for (const [id] of text.matchAll(/\b(?:OSK|LOC|CLS|KOBE|GOV)-\d+(?:\.\d+)*/g)) {
            if (!ids.has(id)) wrong.push(`${framework.id} ${requirement.id}: ${id}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
