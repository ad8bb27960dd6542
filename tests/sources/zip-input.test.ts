import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputBudget } from '../../src/base/limits.ts';
import type { Resource } from '../../src/model/resource.ts';
import { localizeProblem } from '../../src/report/problem-text.ts';
import { readInput, readInputFile } from '../../src/sources/read-inputs.ts';
import { walkInputs } from '../../src/sources/walk-inputs.ts';
import { SAMPLE } from '../cli/run-kansa.ts';
import { tempInputs } from '../helpers/temp-inputs.ts';
import { zipArchive } from '../helpers/zip.ts';

const inputs = tempInputs('kansa-zip-');

const STORAGE = readFileSync(path.join(SAMPLE, 'azure/az-storage-account-show-stkansalegacy.json'));
const VAULT = readFileSync(path.join(SAMPLE, 'azure/az-keyvault-show-kv-kansa-legacy.json'));

const readZip = inputs.read;

describe('a ZIP archive is read as the folder of its entries', () => {
  it('names each entry archive!/entry, with the SHA-256 of its own bytes, in the directory walk’s order', async () => {
    const { file, files, resources } = await readZip(
      'handover.zip',
      zipArchive([
        { name: 'azure/storage.json', data: STORAGE },
        { name: 'azure/kv/vault.json', data: VAULT, method: 0 },
      ]),
    );
    // Folder by folder, as the walk lists a directory: azure/kv/ before azure/storage.json.
    expect(files.map((f) => f.path)).toEqual([`${file}!/azure/kv/vault.json`, `${file}!/azure/storage.json`]);
    expect(files[1]).toMatchObject({
      format: 'azure-arm',
      resources: 1,
      bytes: STORAGE.length,
      sha256: createHash('sha256').update(STORAGE).digest('hex'),
    });
    expect(resources.map((r) => r.origin.file)).toEqual([
      `${file}!/azure/kv/vault.json`,
      `${file}!/azure/storage.json`,
    ]);
  });

  it('reads a .zip met while walking a folder as the folder of its entries', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'kansa-zip-walk-'));
    await writeFile(path.join(folder, 'a-storage.json'), STORAGE);
    await writeFile(
      path.join(folder, 'b-handover.zip'),
      zipArchive([{ name: 'kv/vault.json', data: VAULT }]),
    );
    const { files } = await walkInputs([folder]);
    const read = [];
    for (const file of files) read.push(...(await readInput(file, () => {})));
    expect(read.map((f) => [path.relative(folder, f.path), f.resources])).toEqual([
      ['a-storage.json', 1],
      ['b-handover.zip!/kv/vault.json', 1],
    ]);
  });

  it('passes over __MACOSX/, .DS_Store and a README as the walk does, each folder once', async () => {
    const { file, files, resources } = await readZip(
      'mac.zip',
      zipArchive([
        { name: 'handover/', data: '' },
        { name: 'handover/storage.json', data: STORAGE },
        { name: 'handover/README.md', data: '# 引き継ぎ資料\n' },
        { name: 'handover/.DS_Store', data: Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]) },
        { name: '__MACOSX/handover/._storage.json', data: Buffer.from([0, 5, 22, 7]) },
        { name: '__MACOSX/handover/._README.md', data: Buffer.from([0, 5, 22, 7]) },
      ]),
    );
    expect(resources).toHaveLength(1);
    expect(files.map((f) => [f.path, f.ignored])).toEqual([
      [`${file}!/__MACOSX`, 'not an export (hidden, README, LICENSE or tool directory)'],
      [`${file}!/handover/.DS_Store`, 'not an export (hidden, README, LICENSE or tool directory)'],
      [`${file}!/handover/README.md`, 'not an export (hidden, README, LICENSE or tool directory)'],
      [`${file}!/handover/storage.json`, undefined],
    ]);
  });

  it('passes over a symbolic link stored in the archive, and reads its target as its own entry', async () => {
    const { file, files } = await readZip(
      'links.zip',
      zipArchive([
        { name: 'exports/storage.json', data: STORAGE },
        { name: 'latest.json', data: '../../etc/passwd', method: 0, symlink: true },
      ]),
    );
    expect(files.map((f) => [f.path, f.resources, f.ignored])).toEqual([
      [`${file}!/exports/storage.json`, 1, undefined],
      [
        `${file}!/latest.json`,
        0,
        'a symbolic link stored in the archive: not followed (its target, when in the archive, is read as its own entry)',
      ],
    ]);
  });

  it('decodes a name in CP932 without the UTF-8 flag, as Japanese Windows writes it', async () => {
    // 表 is 0x95 0x5C in Shift_JIS: its trail byte is a backslash, which must not split the name.
    const name = Buffer.from([
      ...Buffer.from('azure\\'),
      ...[0x8e, 0x91, 0x8e, 0x59, 0x88, 0xea, 0x97, 0x97, 0x95, 0x5c], // 資産一覧表
      ...Buffer.from('\\storage.json'),
    ]);
    const { file, files, resources } = await readZip('sjis.zip', zipArchive([{ name, data: STORAGE }]));
    expect(files.map((f) => f.path)).toEqual([`${file}!/azure/資産一覧表/storage.json`]);
    expect(resources[0]?.origin.file).toBe(`${file}!/azure/資産一覧表/storage.json`);
  });

  it('reads a .json.gz entry and a UTF-16 entry as files are read', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VAULT.toString('utf8'), 'utf16le')]);
    const { files } = await readZip(
      'gz.zip',
      zipArchive([
        { name: 'storage.json.gz', data: gzipSync(STORAGE) },
        { name: 'vault.json', data: utf16 },
      ]),
    );
    expect(files.map((f) => [path.basename(f.path), f.format, f.resources, f.error])).toEqual([
      ['storage.json.gz', 'azure-arm', 1, undefined],
      ['vault.json', 'azure-arm', 1, undefined],
    ]);
  });

  it('names an encrypted entry and one of an unsupported method, and reads the others', async () => {
    const { file, files, resources } = await readZip(
      'locked.zip',
      zipArchive([
        { name: 'secret.json', data: Buffer.from('5d2a9c0e11f4', 'hex'), encrypted: true },
        { name: 'bz.json', data: Buffer.from('BZh91AY&SY'), method: 12 },
        { name: 'storage.json', data: STORAGE },
      ]),
    );
    expect(resources).toHaveLength(1);
    expect(files.map((f) => f.error)).toEqual([
      `${file}!/bz.json: a ZIP entry compressed with method 12 (bzip2), which kansa cannot inflate (only stored and deflated entries): extract the archive with a tool that can and scan the folder`,
      `${file}!/secret.json: an encrypted ZIP entry (a password-protected archive): kansa does not decrypt; extract it with its password and scan the folder`,
      undefined,
    ]);
  });

  it('stops an entry that would inflate beyond the scan’s bound with the bound’s message, before inflating it', async () => {
    const bomb = zipArchive([
      { name: 'a-bomb.json', data: Buffer.alloc(4 * 2 ** 20, 0x20) },
      { name: 'b-storage.json', data: STORAGE },
    ]);
    expect(bomb.length).toBeLessThan(8 * 2 ** 10);
    const budget = new InputBudget(2 ** 20);
    const { files } = await readZip('bomb.zip', bomb, { budget });
    expect(files.map((f) => f.error)).toEqual([
      expect.stringMatching(
        /a-bomb\.json: not read: the scan reached its bound of 1 MiB of input \(--max-input-mib 1\)/,
      ),
      expect.stringMatching(/b-storage\.json: not read: the scan reached its bound of 1 MiB/),
    ]);
    expect(budget.exhausted).toBe(true);
    // Under --max-inflated-mib, the entry alone is refused and the next one read.
    const alone = await readZip('bomb-entry.zip', bomb, { maxInflatedBytes: 2 ** 20 });
    expect(alone.files.map((f) => f.error)).toEqual([
      expect.stringMatching(
        /a-bomb\.json: ZIP entry inflates to more than 1 MiB \(0 MiB compressed\): not read; raise the bound with --max-inflated-mib/,
      ),
      undefined,
    ]);
  });

  it('stops an entry that inflates past the size its headers declare, as a bomb hiding its size does', async () => {
    const { files } = await readZip(
      'liar.zip',
      zipArchive([
        { name: 'a-liar.json', data: Buffer.alloc(4 * 2 ** 20, 0x20), declaredSize: 100 },
        { name: 'b-storage.json', data: STORAGE },
      ]),
      { budget: new InputBudget(2 ** 20) },
    );
    expect(files.map((f) => f.error)).toEqual([
      expect.stringMatching(
        /a-liar\.json: corrupt ZIP entry \(the entry inflates to more than the 100 bytes the archive declares\)/,
      ),
      undefined,
    ]);
  });

  it('names a truncated archive, and keeps the other entries of one with a damaged entry', async () => {
    const whole = zipArchive([
      { name: 'a.json', data: STORAGE, method: 0 },
      { name: 'b.json', data: VAULT },
    ]);
    const file = inputs.pathOf('cut.zip');
    await writeFile(file, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(readInput(file, () => {})).rejects.toThrow(
      `${file}: truncated or corrupt ZIP archive (End of central directory record signature not found. Either not a zip file, or file is truncated.): none of its entries could be listed`,
    );
    const damaged = Buffer.from(whole);
    const at = 30 + 'a.json'.length + 10;
    damaged[at] = damaged[at]! ^ 0xff;
    const { files, resources } = await readZip('damaged.zip', damaged);
    expect(files.map((f) => f.error)).toEqual([
      expect.stringMatching(
        /damaged\.zip!\/a\.json: corrupt ZIP entry \(CRC-32 mismatch: the entry's data is damaged\)/,
      ),
      undefined,
    ]);
    expect(resources).toHaveLength(1);
  });

  it('reads an archive inside the archive one level deep, and refuses a deeper one', async () => {
    const inner = zipArchive([{ name: 'storage.json', data: STORAGE }]);
    const deeper = zipArchive([{ name: 'inner.zip', data: inner }]);
    const { file, files } = await readZip(
      'outer.zip',
      zipArchive([
        { name: 'azure.zip', data: inner },
        { name: 'nested.zip', data: deeper },
      ]),
    );
    expect(files.map((f) => [f.path, f.resources, f.error])).toEqual([
      [`${file}!/azure.zip!/storage.json`, 1, undefined],
      [
        `${file}!/nested.zip!/inner.zip`,
        0,
        `${file}!/nested.zip!/inner.zip: a ZIP archive inside a ZIP archive inside another: kansa reads archives one level deep; extract the outer archive and scan the folder`,
      ],
    ]);
  });

  it('keeps refusing a saved Terraform plan, a ZIP whose first entry is tfplan', async () => {
    const { files } = await readZip('plan.out', zipArchive([{ name: 'tfplan', data: 'binary plan' }]));
    expect(files).toHaveLength(1);
    expect(files[0]?.error).toMatch(
      /plan\.out: a saved Terraform plan \(terraform plan -out\), a ZIP archive/,
    );
  });

  it('reads nothing from disk beside an entry: a plan in an archive gets no declaration from .tf files beside it', async () => {
    const fixtures = path.join(import.meta.dirname, '../iac/fixtures/aws');
    const plan = readFileSync(path.join(fixtures, 'plan.json'));
    const beside = await mkdtemp(path.join(tmpdir(), 'kansa-zip-plan-'));
    await copyFile(path.join(fixtures, 'main.tf'), path.join(beside, 'main.tf'));
    await writeFile(path.join(beside, 'plan.json'), plan);
    const onDisk: Resource[] = [];
    await readInputFile(path.join(beside, 'plan.json'), (resource) => onDisk.push(resource));
    expect(onDisk.some((r) => r.origin.iac?.declaration)).toBe(true);
    const archive = path.join(beside, 'plan.zip');
    await writeFile(archive, zipArchive([{ name: 'plan.json', data: plan }]));
    const archived: Resource[] = [];
    await readInput(archive, (resource) => archived.push(resource));
    expect(archived.map((r) => r.id)).toEqual(onDisk.map((r) => r.id));
    expect(archived.filter((r) => r.origin.iac?.declaration)).toEqual([]);
  });

  it('names a spreadsheet, a ZIP of XML parts, in one line', async () => {
    const file = inputs.pathOf('資産台帳.xlsx');
    await writeFile(
      file,
      zipArchive([
        { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
        { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
        { name: 'xl/workbook.xml', data: '<?xml version="1.0"?><workbook/>' },
        { name: 'xl/worksheets/sheet1.xml', data: '<?xml version="1.0"?><worksheet/>' },
      ]),
    );
    await expect(readInput(file, () => {})).rejects.toThrow(
      `${file}: a document in a ZIP container (Office Open XML or OpenDocument: .xlsx, .docx, .ods, …), not an archive of exports`,
    );
  });

  it('names an empty archive', async () => {
    const file = inputs.pathOf('empty.zip');
    await writeFile(file, zipArchive([]));
    await expect(readInput(file, () => {})).rejects.toThrow(
      `${file}: empty ZIP archive: expected cloud inventory exports in it`,
    );
  });

  it('says every problem of an archive in Japanese too', async () => {
    const damaged = zipArchive([{ name: 'damaged.json', data: STORAGE, method: 0 }]);
    const at = 30 + 'damaged.json'.length + 10;
    damaged[at] = damaged[at]! ^ 0xff;
    const deeper = zipArchive([{ name: 'inner.zip', data: zipArchive([{ name: 'x.json', data: STORAGE }]) }]);
    const { files } = await readZip(
      'problems.zip',
      zipArchive([
        { name: 'a-secret.json', data: Buffer.from('5d2a', 'hex'), encrypted: true },
        { name: 'b-deflate64.json', data: Buffer.from('deflate64'), method: 9 },
        { name: 'c-large.json', data: Buffer.alloc(2 ** 21, 0x20) },
        { name: 'd-liar.json', data: Buffer.alloc(2 ** 16, 0x20), declaredSize: 10 },
        { name: 'e-damaged.zip', data: damaged },
        { name: 'f-nested.zip', data: deeper },
        { name: 'g-short.json', data: STORAGE, declaredSize: STORAGE.length + 10, method: 8 },
      ]),
      { maxInflatedBytes: 2 ** 20 },
    );
    const truncated = inputs.pathOf('cut-ja.zip');
    await writeFile(truncated, damaged.subarray(0, 40));
    const problems = [
      ...files.map((f) => f.error),
      await readInput(truncated, () => {}).catch((error: Error) => error.message),
      await readZip('empty-ja.zip', zipArchive([])).catch((error: Error) => error.message),
    ];
    expect(problems.every((problem) => typeof problem === 'string')).toBe(true);
    expect(problems).toHaveLength(9);
    for (const problem of problems as string[]) {
      const ja = localizeProblem(problem, 'ja');
      expect(prose(ja), ja).not.toMatch(/\b[a-z]{2,}(?: [a-z]{2,}){2,}\b/);
    }
  });
});

/** The English left in a text once paths, quoted values and ids are taken out (as tests/report/problem-text.test.ts). */
function prose(text: string): string {
  return text
    .replace(/(?:\/[^\s:]+)+/g, ' ')
    .replace(/'[^']*'|`[^`]*`|"[^"]*"/g, ' ')
    .replace(/\b[a-z0-9]+(?:[-.:][a-z0-9]+)+\b/g, ' ');
}
