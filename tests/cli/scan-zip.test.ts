import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAll, readFindings } from '../../src/report/read-findings.ts';
import { type ZipEntrySpec, zipArchive } from '../helpers/zip.ts';
import { kansaHere, SAMPLE } from './run-kansa.ts';

/** The sample tenancy's AWS and Google Cloud exports, as a vendor zips the folders (READMEs and all). */
function handover(): ZipEntrySpec[] {
  const entries: ZipEntrySpec[] = [];
  for (const cloud of ['aws', 'gcp']) {
    for (const entry of readdirSync(path.join(SAMPLE, cloud), { recursive: true, withFileTypes: true })) {
      const full = path.join(entry.parentPath, entry.name);
      const name = path.relative(SAMPLE, full);
      entries.push(entry.isDirectory() ? { name: `${name}/`, data: '' } : { name, data: readFileSync(full) });
    }
  }
  // Finder's resource forks, listed after the files as Finder writes them.
  entries.push({ name: '__MACOSX/aws/._README.md', data: Buffer.from([0, 5, 22, 7]) });
  return entries;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-scan-zip-'));
});

async function scan(name: string, ...inputs: string[]) {
  const output = path.join(dir, `${name}.json`);
  const args = inputs.flatMap((input) => ['--input', input]);
  const run = await kansaHere(['scan', ...args, '--format', 'json', '--output', output, '--no-store']);
  return { run, output, findings: loadAll(await readFindings(output)) };
}

describe('kansa scan --input handover.zip', () => {
  it('gives the findings and coverage of the same files in folders, each entry named archive!/entry', async () => {
    const archive = path.join(dir, 'handover.zip');
    await writeFile(archive, zipArchive(handover()));
    const folders = await scan('folders', path.join(SAMPLE, 'aws'), path.join(SAMPLE, 'gcp'));
    const zipped = await scan('zipped', archive);
    expect(zipped.run.stderr).toBe('');
    expect(zipped.run.code).toBe(folders.run.code);
    expect(zipped.run.code).toBe(0);

    const relative = (text: string, prefix: string) => text.replaceAll(prefix, '');
    expect(relative(JSON.stringify(zipped.findings.findings), `${archive}!/`)).toBe(
      relative(JSON.stringify(folders.findings.findings), `${SAMPLE}/`),
    );
    expect(zipped.findings.findings.length).toBeGreaterThan(20);

    const read = (files: typeof folders.findings.coverage.files, prefix: string) =>
      files.filter((f) => !f.ignored).map((f) => ({ ...f, path: relative(f.path, prefix) }));
    expect(read(zipped.findings.coverage.files, `${archive}!/`)).toEqual(
      read(folders.findings.coverage.files, `${SAMPLE}/`),
    );
    const passedOver = zipped.findings.coverage.files.filter((f) => f.ignored).map((f) => f.path);
    expect(passedOver).toEqual([
      `${archive}!/__MACOSX`,
      `${archive}!/aws/README.md`,
      `${archive}!/gcp/README.md`,
    ]);
    // A .json.gz entry is read as the file is.
    expect(
      zipped.findings.coverage.files.find(
        (f) => f.path.endsWith('.json.gz') && f.format === 'aws-config-snapshot',
      ),
    ).toBeDefined();
  });

  it('is partial (exit 3) when an entry cannot be read, names it, and SARIF points at the entry', async () => {
    const archive = path.join(dir, 'locked.zip');
    await writeFile(
      archive,
      zipArchive([
        {
          name: 'azure/storage.json',
          data: readFileSync(path.join(SAMPLE, 'azure/az-storage-account-show-stkansalegacy.json')),
        },
        { name: 'azure/secret.json', data: Buffer.from('0c9d', 'hex'), encrypted: true },
      ]),
    );
    const { run, output, findings } = await scan('locked', archive);
    expect(run.code).toBe(3);
    expect(findings.coverage.files.map((f) => [f.path, f.resources, f.error])).toEqual([
      [
        `${archive}!/azure/secret.json`,
        0,
        `${archive}!/azure/secret.json: an encrypted ZIP entry (a password-protected archive): kansa does not decrypt; extract it with its password and scan the folder`,
      ],
      [`${archive}!/azure/storage.json`, 1, undefined],
    ]);
    const ja = await kansaHere(['scan', '--input', archive, '--no-store', '--lang', 'ja']);
    expect(ja.code).toBe(3);
    expect(ja.stdout + ja.stderr).toContain(
      `${archive}!/azure/secret.json: 暗号化された ZIP のエントリです（パスワード付きアーカイブ）`,
    );
    const sarif = path.join(dir, 'locked.sarif');
    expect(
      (await kansaHere(['report', '--input', output, '--format', 'sarif', '--output', sarif])).code,
    ).toBe(0);
    const uris = new Set(
      (JSON.parse(await readFile(sarif, 'utf8')) as SarifLog).runs[0]!.results.map(
        (r) => r.locations[0]!.physicalLocation.artifactLocation.uri,
      ),
    );
    expect(uris).toContain(`file://${archive}!/azure/storage.json`);
  });
});

interface SarifLog {
  runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}
