import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { localizeProblem } from '../../src/report/problem-text.ts';
import { readInputFile } from '../../src/sources/read-inputs.ts';
import { listInputFiles } from '../../src/sources/walk-inputs.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-inputs-'));
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const full = path.join(dir, name);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, content);
  return full;
}

async function read(name: string, content: string | Buffer) {
  return readInputFile(await file(name, content), () => {});
}

describe('bad input is reported with file, line and what was expected', () => {
  it('an empty file', async () => {
    const coverage = await read('empty.json', '  \n');
    expect(coverage.error).toMatch(/empty\.json: empty file: expected a cloud inventory export/);
    expect(coverage.resources).toBe(0);
  });

  it('malformed JSON, at the line and column of the fault', async () => {
    const coverage = await read('broken.json', '{\n  "configurationItems": [\n    {"a": 1,}\n  ]\n}\n');
    expect(coverage.error).toMatch(/broken\.json:3:13: invalid JSON: expected a property name/);
  });

  it('malformed JSON inside a gzip file', async () => {
    const coverage = await read('broken.json.gz', gzipSync('{"count": 1, "data": [\n'));
    expect(coverage.error).toMatch(/broken\.json\.gz:2:1: invalid JSON: expected '\]'/);
  });

  it('a corrupt gzip file', async () => {
    const coverage = await read('corrupt.json.gz', Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3]));
    expect(coverage.error).toMatch(/corrupt gzip file/);
  });

  it('JSON of no known export format names the formats it expected', async () => {
    const coverage = await read('other.json', '{"hello": "world"}');
    expect(coverage.error).toMatch(
      /unknown export format: no known format has this JSON shape\. Expected one of:/,
    );
    // Each format once, though CloudQuery's rows are read both as a document and line by line.
    const listed = [...(coverage.error ?? '').matchAll(/^ {2}- ([a-z0-9-]+): /gm)].map((m) => m[1]);
    expect(listed).toContain('cloudquery');
    expect(listed.length).toBe(new Set(listed).size);
  });

  it.each([
    ['budgets-4d2c7a19-8e5f-4b3a-a1c6-9f0e2d7b5c83.json', '[]\n'],
    ['budgets-4d2c7a19-8e5f-4b3a-a1c6-9f0e2d7b5c83.yaml', '[]\n'],
  ])(
    'an empty list named for a subscription’s listing (%s) is that listing, in JSON and YAML',
    async (name, text) => {
      const coverage = await read(name, text);
      expect(coverage.error).toBeUndefined();
      expect(coverage.format).toBe('azure-arm');
      expect(coverage.resources).toBe(1);
    },
  );

  it('an empty JSON array (a list that found nothing) is passed over with the reason, not an error', async () => {
    const coverage = await read('gcloud-sql-instances.json', '[]\n');
    expect(coverage.ignored).toBe(
      'an empty JSON array (a list command that found nothing): no resource in it',
    );
    expect(coverage.error).toBeUndefined();
    expect(coverage.resources).toBe(0);
  });

  it('a text file that is not an export', async () => {
    const coverage = await read('notes.txt', 'just some notes\n');
    expect(coverage.error).toMatch(
      /unknown export format: the file is neither JSON, YAML nor a known text export/,
    );
  });

  it('a table the CLIs print for reading (az -o table, aws --output table), saying to save JSON instead', async () => {
    const az = await read(
      'vm-list.txt',
      'Name        ResourceGroup    Location    Zones\n----------  ---------------  ----------  -------\nvm-kansa    RG-KANSA         japaneast\n',
    );
    expect(az.error).toBe(
      `${path.join(dir, 'vm-list.txt')}: a table printed for reading (az … -o table, aws … --output table): it holds the columns shown, not the settings kansa checks; save the same command with -o json (aws: --output json)`,
    );
    const aws = await read(
      'vpcs.txt',
      '-----------------------------\n|        DescribeVpcs       |\n+---------------------------+\n||          Vpcs           ||\n',
    );
    expect(aws.error).toMatch(/a table printed for reading/);
  });

  it('a CSV of no known export, named by its header; CSV files in a folder are read', async () => {
    const coverage = await read('csv/billing.csv', 'InvoiceId,Amount,Currency\n1,2,JPY\n');
    expect(coverage.error).toMatch(
      /unknown export format: a CSV file whose header \(InvoiceId, Amount, Currency\) is none of the CSV exports kansa reads\. Expected one of:\n(.|\n)* {2}- steampipe-csv: (.|\n)* {2}- azure-graph-csv: /,
    );
    await file('csv/report.csv', 'user,arn,user_creation_time,password_enabled,mfa_active\n');
    expect(await listInputFiles([path.join(dir, 'csv')])).toEqual([
      path.join(dir, 'csv/billing.csv'),
      path.join(dir, 'csv/report.csv'),
    ]);
  });

  it('records the SHA-256 and size of the file as it is on disk', async () => {
    const content = gzipSync('{"hello": "world"}');
    const coverage = await read('hash.json.gz', content);
    expect(coverage.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(coverage.bytes).toBe(content.length);
  });

  it('leaves the SHA-256 out when the scan prints none (digest: false), the rest read as before', async () => {
    const content = gzipSync('{"hello": "world"}');
    const full = await file('no-hash.json.gz', content);
    const withDigest = await readInputFile(full, () => {});
    const without = await readInputFile(full, () => {}, { digest: false });
    expect(without.sha256).toBe('');
    expect({ ...without, sha256: withDigest.sha256 }).toEqual(withDigest);
  });

  it('a missing input path', async () => {
    await expect(listInputFiles([path.join(dir, 'nope')])).rejects.toThrow(/nope: no such file or directory/);
  });
});

describe('encodings', () => {
  const graph = JSON.stringify({
    count: 1,
    data: [
      {
        id: '/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1',
        name: 'st1',
        type: 'microsoft.storage/storageaccounts',
        location: 'japaneast',
        subscriptionId: '00000000-0000-4000-8000-000000000001',
        tags: { 担当: '情報政策課' },
        properties: { allowBlobPublicAccess: false },
      },
    ],
    skip_token: null,
    total_records: 1,
  });

  it.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(graph)])],
    [
      'UTF-16LE with a BOM (Windows PowerShell 5.1 redirection)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(graph, 'utf16le')]),
    ],
    [
      'UTF-16BE with a BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(graph, 'utf16le').swap16()]),
    ],
  ])('reads %s', async (_name, content) => {
    const tags: Record<string, string>[] = [];
    const coverage = await readInputFile(await file(`enc-${content[0]}.json`, content), (r) =>
      tags.push({ ...r.tags }),
    );
    expect(coverage.error).toBeUndefined();
    expect(coverage.format).toBe('azure-graph-cli');
    expect(tags).toEqual([{ 担当: '情報政策課' }]);
  });

  it('says why a UTF-16 file is not JSON: Windows PowerShell garbled it through the console code page', async () => {
    // The shape of Naver-Dunamu-Merge-TF/NSC-infra `tfplans/tfplan.json` (terraform show -json
    // redirected by Windows PowerShell on a Korean system: UTF-16LE with a BOM, the UTF-8 of its
    // Korean descriptions decoded as CP949, a string's closing quote swallowed with its last
    // character). Here the Japanese tag decoded as CP932.
    const garbled = graph.replace('"情報政策課"', '"諠ｱ蝣ｱ謾ｿ遲冶ｪ?');
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(garbled, 'utf16le')]);
    const coverage = await readInputFile(await file('enc-garbled.json', content), () => {});
    expect(coverage.error).toMatch(
      /:1:\d+: invalid JSON: .*; the file is UTF-16, as Windows PowerShell's > writes a command's output after decoding it with the console's code page/,
    );
    expect(localizeProblem(coverage.error!, 'ja')).toContain('コンソールのコード ページ');
    // The same text in UTF-8 is only invalid JSON.
    const plain = await readInputFile(await file('enc-invalid.json', Buffer.from(garbled)), () => {});
    expect(plain.error).not.toMatch(/UTF-16/);
  });

  // Shift_JIS (CP932) bytes of the two Japanese strings, as Excel or Set-Content on a Japanese
  // Windows writes them; the rest of the document is ASCII, the same in both encodings.
  const SHIFT_JIS: Record<string, number[]> = {
    担当: [146, 83, 147, 150],
    情報政策課: [143, 238, 149, 241, 144, 173, 141, 244, 137, 219],
  };
  const inShiftJis = (text: string) =>
    Buffer.concat(
      text
        .split(/(担当|情報政策課)/)
        .map((part) => (SHIFT_JIS[part] ? Buffer.from(SHIFT_JIS[part]) : Buffer.from(part))),
    );

  it('reads Shift_JIS (CP932), with a note, and names bytes that are neither it nor UTF-8', async () => {
    const tags: Record<string, string>[] = [];
    const coverage = await readInputFile(await file('enc-sjis.json', inShiftJis(graph)), (r) =>
      tags.push({ ...r.tags }),
    );
    expect(coverage.error).toBeUndefined();
    expect(tags).toEqual([{ 担当: '情報政策課' }]);
    expect(coverage.notes?.map((n) => n.note)).toContain(
      'the file is in Shift_JIS (CP932), as Excel and Japanese Windows tools save it: read as such',
    );
    // 0xFF is a byte neither encoding has.
    const broken = Buffer.from(graph.replace('情報政策課', 'x'));
    const at = broken.indexOf('"x"') + 1;
    broken[at] = 0xff;
    const unread = await readInputFile(await file('enc-broken.json', broken), () => {});
    expect(unread.notes?.map((n) => n.note).join()).toMatch(/neither UTF-8 nor Shift_JIS/);
  });
});

describe('input directories', () => {
  it('are walked recursively in sorted order, skipping READMEs and hidden files', async () => {
    const root = path.join(dir, 'walk');
    await file('walk/b/2.json', '{}');
    await file('walk/a.json', '{}');
    await file('walk/b/1.json.gz', '{}');
    await file('walk/README.md', '# not an export');
    await file('walk/.DS_Store', '');
    const files = await listInputFiles([root]);
    expect(files.map((f) => path.relative(root, f))).toEqual(['a.json', 'b/1.json.gz', 'b/2.json']);
  });

  it("are listed in UTF-16 code-unit order, not the locale's (upper case first, ASCII first)", async () => {
    // Names that no file system folds together or normalizes (none differ only in case, none
    // has a decomposed form); in English collation `a` would come before `B`.
    const root = path.join(dir, 'walk-order');
    for (const name of ['ｚ.json', '日.json', 'c.json', 'a.json', 'B.json'])
      await file(`walk-order/${name}`, '{}');
    const files = await listInputFiles([root]);
    expect(files.map((f) => path.relative(root, f))).toEqual([
      'B.json',
      'a.json',
      'c.json',
      '日.json',
      'ｚ.json',
    ]);
  });
});
