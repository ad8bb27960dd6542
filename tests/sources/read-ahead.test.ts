import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { InputBudget } from '../../src/base/limits.ts';
import type { FileCoverage } from '../../src/model/coverage.ts';
import { InputReadAhead, type ReadAhead } from '../../src/sources/read-ahead.ts';
import { readInput } from '../../src/sources/read-inputs.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-read-ahead-'));
});

async function files(contents: Record<string, string | Buffer>): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, content] of Object.entries(contents)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    paths.push(file);
  }
  return paths;
}

async function takeAll(ahead: InputReadAhead, count: number): Promise<(ReadAhead | undefined)[]> {
  const taken: (ReadAhead | undefined)[] = [];
  for (let i = 0; i < count; i++) taken.push(await ahead.take(i));
  return taken;
}

const WIDE = { files: 4, bytes: 2 ** 20, digest: true };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** An Azure Resource Graph page of `n` storage accounts. */
function page(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa${i}`,
    name: `sa${i}`,
    type: 'microsoft.storage/storageaccounts',
    location: 'japaneast',
    subscriptionId: '00000000-0000-0000-0000-000000000001',
    properties: { supportsHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2' },
  }));
  return JSON.stringify({ totalRecords: n, count: n, data: rows });
}

describe('InputReadAhead', () => {
  it('hands over each file in turn as read, inflated when gzip, with its SHA-256', async () => {
    const paths = await files({
      'a.json': page(3),
      'b.json.gz': gzipSync(page(5)),
      'c.json': '',
      'd.ndjson': '{"name": "x"}\n{"name": "y"}\n',
    });
    const taken = await takeAll(new InputReadAhead(paths, WIDE), paths.length);
    for (const [i, file] of paths.entries()) {
      const raw = readFileSync(file);
      expect(taken[i]?.raw.equals(raw), file).toBe(true);
      expect(taken[i]?.sha256, file).toBe(sha256(raw));
    }
    expect(taken[1]?.inflated?.toString()).toBe(page(5));
    expect(taken[0]?.inflated).toBeUndefined();
  });

  it('works out no SHA-256 when the coverage does not name files by it', async () => {
    const paths = await files({ 'a.json': page(1) });
    const [taken] = await takeAll(new InputReadAhead(paths, { ...WIDE, digest: false }), 1);
    expect(taken?.raw.length).toBeGreaterThan(0);
    expect(taken?.sha256).toBeUndefined();
  });

  it('leaves to its turn what it cannot read or inflate: the turn then gives the error', async () => {
    const paths = await files({ 'corrupt.json.gz': Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7]) });
    const missing = path.join(dir, 'gone.json');
    const [corrupt, gone, folder] = await takeAll(new InputReadAhead([...paths, missing, dir], WIDE), 3);
    expect(corrupt?.raw.length).toBe(9);
    expect(corrupt?.inflated).toBeUndefined();
    expect(gone).toBeUndefined();
    expect(folder).toBeUndefined();
  });

  it('holds no more than its window: a file starts once the files before it leave room', async () => {
    // Four files of 1,000 bytes, a window of 2,500: files 0 and 1 start at once, file 2 when file
    // 0 is taken, file 3 only when file 1 is. File 3 replaced after the first take (a new file
    // under its name) is read as replaced: it had not been opened yet.
    const thousand = (c: string) => c.repeat(1000);
    const paths = await files({
      '0': thousand('a'),
      '1': thousand('b'),
      '2': thousand('c'),
      '3': thousand('d'),
    });
    const ahead = new InputReadAhead(paths, { files: 8, bytes: 2500, digest: false });
    expect((await ahead.take(0))?.raw.toString()).toBe(thousand('a'));
    await rm(paths[3]!);
    await writeFile(paths[3]!, thousand('e'));
    const rest = [await ahead.take(1), await ahead.take(2), await ahead.take(3)];
    expect(rest.map((taken) => taken?.raw.toString()[0])).toEqual(['b', 'c', 'e']);
  });

  it('reads a file larger than the window at its turn, and the files after it ahead', async () => {
    const paths = await files({ big: 'x'.repeat(5000), small: 'y'.repeat(10) });
    const [big, small] = await takeAll(
      new InputReadAhead(paths, { files: 4, bytes: 2500, digest: false }),
      2,
    );
    expect(big).toBeUndefined();
    expect(small?.raw.toString()).toBe('y'.repeat(10));
  });

  it('inflates at its turn a gzip file larger than the window inflated, or than its trailer says', async () => {
    const large = gzipSync('z'.repeat(10_000));
    // Two gzip members: the trailer gives the last member's size only.
    const members = Buffer.concat([gzipSync('a'.repeat(3000)), gzipSync('b'.repeat(10))]);
    const paths = await files({ 'large.gz': large, 'members.gz': members });
    const [taken, concatenated] = await takeAll(
      new InputReadAhead(paths, { files: 4, bytes: 5000, digest: false }),
      2,
    );
    expect(taken?.raw.equals(large)).toBe(true);
    expect(taken?.inflated).toBeUndefined();
    expect(concatenated?.raw.equals(members)).toBe(true);
    expect(concatenated?.inflated).toBeUndefined();
  });
});

describe('a file read ahead is read as one read at its turn', () => {
  /** Each file read by readInput at its turn, and again with what the read-ahead gave. */
  async function bothWays(paths: readonly string[], budget?: () => InputBudget) {
    const read = async (ahead?: InputReadAhead) => {
      const options = { ...(budget && { budget: budget() }) };
      const results: { coverage: FileCoverage[] | string; resources: string[] }[] = [];
      for (const [i, file] of paths.entries()) {
        const resources: string[] = [];
        const taken = ahead && (await ahead.take(i));
        const coverage = await readInput(file, (r) => resources.push(r.id), options, taken).catch(
          (error: Error) => error.message,
        );
        results.push({ coverage, resources });
      }
      return results;
    };
    const atTurn = await read();
    const readAhead = await read(new InputReadAhead(paths, WIDE));
    expect(readAhead).toEqual(atTurn);
    return atTurn;
  }

  it('the same coverage, resources and errors for good and bad files', async () => {
    const paths = await files({
      'a/page.json': page(4),
      'b/page.json.gz': gzipSync(page(6)),
      'c/broken.json.gz': gzipSync('{"count": 1, "data": [\n'),
      'd/corrupt.json.gz': Buffer.from([0x1f, 0x8b, 9, 9, 9]),
      'e/empty.json': '',
      'f/lines.ndjson': '{"name": "x"}\nnot json\n',
    });
    const read = await bothWays([...paths, path.join(dir, 'gone.json')]);
    expect(read[1]?.resources).toHaveLength(6);
    expect(read[3]?.coverage).toEqual([
      expect.objectContaining({ error: expect.stringMatching(/corrupt gzip/) }),
    ]);
    expect(read[6]?.coverage).toMatch(/cannot read file \(ENOENT\)/);
  });

  it('the same bound of all the input: a gzip file inflated ahead past it is not read', async () => {
    const paths = await files({ 'a.json': page(2), 'b.json.gz': gzipSync(page(40)), 'c.json': page(1) });
    const limit = Buffer.byteLength(page(2)) + 1000;
    const read = await bothWays(paths, () => new InputBudget(limit));
    expect(read[0]?.resources).toHaveLength(2);
    expect(read[1]?.coverage).toEqual([
      expect.objectContaining({ error: expect.stringMatching(/reached its bound/) }),
    ]);
    expect(read[2]?.coverage).toMatch(/reached its bound/);
  });

  it('a gzip file inflated ahead past the bound stops before its text is looked at', async () => {
    // Bytes neither UTF-8 nor Shift_JIS would be noted if decoded: past the bound, they are not.
    const paths = await files({ 'junk.json.gz': gzipSync(Buffer.alloc(5000, 0xff)) });
    const [read] = await bothWays(paths, () => new InputBudget(1000));
    expect(read?.coverage).toEqual([expect.not.objectContaining({ notes: expect.anything() })]);
    expect(read?.coverage).toEqual([
      expect.objectContaining({ error: expect.stringMatching(/reached its bound/) }),
    ]);
  });
});
