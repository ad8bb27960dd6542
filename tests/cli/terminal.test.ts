import { createHash } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayWidth, truncateDisplay } from '../../src/report/terminal-text.ts';
import { findingsFromFile } from '../helpers/findings-file.ts';
import { kansa, kansaHere, type Run, SAMPLE } from './run-kansa.ts';

const SUB = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
const HOSTILE = 'st\x1b]0;pwned\x07\x1b[2Jevil\r\nkansa: forged line\u202etxt.exe\x7f\x9b';
const LONG = 'n'.repeat(100_000);

let dir: string;
let en: Run;
let ja: Run;
let findings: {
  findings: { resource: { name: string } }[];
  requirements: { id: string; title: { en: string; ja: string } }[];
};

/** Storage accounts that fail (public blobs, old TLS), one with a hostile name, one 100k characters long. */
function inventory(): string {
  const account = (name: string, short: string) => ({
    id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${short}`,
    name,
    type: 'microsoft.storage/storageaccounts',
    location: 'japaneast',
    subscriptionId: SUB,
    tags: {},
    properties: { allowBlobPublicAccess: true, minimumTlsVersion: 'TLS1_0', supportsHttpsTrafficOnly: false },
  });
  const data = [account(HOSTILE, 'sthostile'), account(LONG, 'stlong')];
  return JSON.stringify({ count: 2, data, skip_token: null, total_records: 2 });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-terminal-'));
  await writeFile(path.join(dir, 'accounts.json'), inventory());
  // An NDJSON export (one organization) with seven broken lines: the summary prints the first five with reasons.
  const lines = (await readFile(path.join(SAMPLE, 'gcp/org-123456789012-export/resource.json'), 'utf8'))
    .trimEnd()
    .split('\n');
  await writeFile(path.join(dir, 'assets.ndjson'), [lines[0], ...Array(7).fill('{"name":')].join('\n'));
  const output = path.join(dir, 'findings.json');
  [en, ja] = await Promise.all([
    kansaHere([
      'scan',
      '--input',
      dir,
      '--framework',
      'gov',
      '--lang',
      'en',
      '--output',
      output,
      '--allow-partial',
    ]),
    kansaHere(['scan', '--input', dir, '--framework', 'gov', '--lang', 'ja', '--allow-partial']),
  ]);
  findings = (await findingsFromFile(output)) as unknown as typeof findings;
}, 120_000);

describe('values from the inventory on the terminal', { timeout: 120_000 }, () => {
  it('escapes C0, C1, DEL and bidi controls so that they show', () => {
    expect(en.code).toBe(0);
    expect(en.stdout.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\p{Bidi_Control}]/u);
    expect(en.stdout).toContain(
      'st\\x1b]0;pwned\\x07\\x1b[2Jevil\\r\\nkansa: forged line\\u202etxt.exe\\x7f\\x9b',
    );
    expect(en.stdout).not.toMatch(/^kansa: forged line/m);
  });

  it('cuts a 100,000-character name on the terminal, saying how much is left out in the report language', () => {
    const longest = Math.max(...en.stdout.split('\n').map((line) => line.length));
    expect(longest).toBeLessThan(1000);
    expect(en.stdout).toMatch(/n{100,}…\(\+\d+ chars\)/);
    expect(en.stdout.length).toBeLessThan(60_000);
    expect(ja.stdout).toMatch(/n{100,}…（以下 \d+ 文字省略）/);
    expect(ja.stdout).not.toMatch(/chars\)/);
  });

  it('keeps a cut value within its width, the end included', () => {
    for (const lang of ['ja', 'en'] as const) {
      for (const text of ['n'.repeat(500), '長'.repeat(500)]) {
        expect(displayWidth(truncateDisplay(text, 300, lang))).toBeLessThanOrEqual(300);
      }
    }
  });

  it('caps it in the findings file at 1 KiB with the SHA-256 of the full value', async () => {
    const digest = createHash('sha256').update(LONG).digest('hex');
    const names = new Set(findings.findings.map((f) => f.resource.name).filter((n) => n.startsWith('nnnn')));
    expect([...names]).toEqual([`${'n'.repeat(1024)}…[sha256:${digest}, 100000 chars]`]);
    expect((await stat(path.join(dir, 'findings.json'))).size).toBeLessThan(2 << 20);
  });
});

describe('the requirements table', { timeout: 120_000 }, () => {
  for (const [lang, header] of [
    ['en', /^ {2}Requirement +Verdict +Failed +Unknown +Passed +Force +Title$/m],
    ['ja', /^ {2}要件 +判定 +不適合数 +判定不能数 +適合数 +強さ +要件名$/m],
  ] as const) {
    it(`has a header, and its columns line up for long ids and wide characters (${lang})`, () => {
      const out = lang === 'en' ? en.stdout : ja.stdout;
      expect(out).toMatch(header);
      const headerLine = out.split('\n').find((line) => header.test(line))!;
      const titleColumn = displayWidth(
        headerLine.slice(0, headerLine.lastIndexOf(lang === 'en' ? 'Title' : '要件名')),
      );
      expect(findings.requirements.map((r) => r.id)).toContain('GOV-3.3.1.4.1');
      for (const requirement of findings.requirements) {
        const row = out.split('\n').find((line) => line.startsWith(`  ${requirement.id} `));
        expect(row, requirement.id).toBeDefined();
        const title = requirement.title[lang];
        expect(displayWidth(row!.slice(0, row!.lastIndexOf(title))), requirement.id).toBe(titleColumn);
      }
    });
  }
});

describe('skipped records', { timeout: 120_000 }, () => {
  it('prints the first five with file:line and reason, then the count of the rest', () => {
    const ndjson = path.join(dir, 'assets.ndjson');
    expect(en.stdout).toContain('Records skipped: 7\n');
    for (const line of [2, 3, 4, 5, 6]) expect(en.stdout).toContain(`  ${ndjson}:${line}: invalid JSON`);
    expect(en.stdout).not.toContain(`${ndjson}:7: invalid JSON`);
    expect(en.stdout).toMatch(/ {2}and 2 more \(reasons in the JSON report's coverage\.files\)/);
    expect(ja.stdout).toContain('スキップしたレコード: 7 件\n');
  });
});

describe('logs on stderr', { timeout: 120_000 }, () => {
  const broken = () => writeFile(path.join(dir, 'broken.json'), '{"data": [');

  it('readable lines in the chosen language by default; JSON lines with --log-format json; never twice', async () => {
    await broken();
    const args = [
      'scan',
      '--input',
      path.join(dir, 'broken.json'),
      path.join(dir, 'accounts.json'),
      '--format',
      'json',
    ];
    // Processes: JSON lines go to file descriptor 2 straight from the logger, not through process.stderr.
    const [text, json] = await Promise.all([
      kansa([...args, '--lang', 'ja']),
      kansa([...args, '--log-format', 'json']),
    ]);
    expect(text.stderr).toMatch(/^kansa: 警告: .*broken\.json:1:\d+: JSON として不正です/);
    expect(text.stderr.trimEnd().split('\n')).toHaveLength(1);
    const records = json.stderr
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      level: 40,
      msg: expect.stringMatching(/broken\.json:1:\d+: invalid JSON/),
    });
  });
});

describe('usage errors', { timeout: 120_000 }, () => {
  it('quote a hostile argument with its control characters escaped', async () => {
    const result = await kansaHere(['scan', '--fail-on', 'x\x1b[2Jy']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'x\\x1b[2Jy' is invalid");
  });
});

describe('--help', { timeout: 120_000 }, () => {
  it('shows one default for --lang and every exit code', async () => {
    const help = await kansaHere(['scan', '--help']);
    const lang = help.stdout.slice(help.stdout.indexOf('--lang'), help.stdout.indexOf('--concurrency'));
    expect(lang.match(/default/g)).toHaveLength(1);
    expect(lang).toMatch(/default: from the locale/);
    for (const code of [0, 1, 2, 3, 4]) expect(help.stdout).toMatch(new RegExp(`^ {2}${code} {2}\\S`, 'm'));
  });
});
