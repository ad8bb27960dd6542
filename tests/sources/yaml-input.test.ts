import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadFramework } from '../../src/frameworks/load.ts';
import type { Resource } from '../../src/model/resource.ts';
import { localizeProblem } from '../../src/report/problem-text.ts';
import { addMissingAccounts, evaluate } from '../../src/scan/evaluate.ts';
import { Inventory } from '../../src/scan/inventory.ts';
import { readInputFile } from '../../src/sources/read-inputs.ts';
import { parseYamlDocuments } from '../../src/sources/yaml-documents.ts';
import { isYamlFileName, looksLikeYaml } from '../../src/sources/yaml-sniff.ts';

/**
 * YAML input: the CLIs' YAML (gcloud's default, `az -o yaml`, `aws --output yaml|yaml-stream`)
 * read into the values their JSON output holds, and through the same formats. The fixtures are
 * the corpus files (tests/corpus/data/*\/…-yaml/, their dialects in tests/corpus/SOURCES.md).
 */
const CORPUS = path.resolve(import.meta.dirname, '../corpus/data');
const NOW = new Date('2026-12-01T00:00:00Z');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-yaml-'));
});

async function read(name: string, content: string | Buffer) {
  const full = path.join(dir, name);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, content);
  const resources: Resource[] = [];
  const coverage = await readInputFile(full, (resource) => resources.push(resource));
  return { coverage, resources };
}

const values = (text: string) => parseYamlDocuments('x.yaml', text, false).map((d) => d.value);

describe('YAML scalars come out as the JSON output gives them', () => {
  it('keeps strings the emitters quote (numbers, timestamps, YAML 1.1 booleans) as strings', () => {
    // gcloud (ruamel.yaml) and az (PyYAML) quote a string their schema would read otherwise.
    const [value] = values(
      [
        "id: '2304975046657926176'",
        "creationTimestamp: '2024-07-01T09:35:27.052-07:00'",
        "ports:\n- '22'\n- 0-65535",
        "owner: 'on'",
        'etag: BwYbbm3s1uA=',
        "startTime: '17:00'",
        "description: ''",
      ].join('\n'),
    );
    expect(value).toEqual({
      id: '2304975046657926176',
      creationTimestamp: '2024-07-01T09:35:27.052-07:00',
      ports: ['22', '0-65535'],
      owner: 'on',
      etag: 'BwYbbm3s1uA=',
      startTime: '17:00',
      description: '',
    });
  });

  it('reads plain strings that only YAML 1.2 would take for integers as the strings PyYAML meant', () => {
    // PyYAML (YAML 1.1) leaves `0089` and `0o17` plain: neither is an integer in 1.1.
    expect(values('project: 0089\nmode: 0o17\nzero: 0\nnegative: -5\n')).toEqual([
      { project: '0089', mode: '0o17', zero: 0, negative: -5 },
    ]);
  });

  it('reads the plain words of a YAML 1.2 emitter (ruamel.yaml) as strings, not YAML 1.1 booleans', () => {
    expect(values('a: on\nb: yes\nc: off\nd: true\ne: null\nf: ~\n')).toEqual([
      { a: 'on', b: 'yes', c: 'off', d: true, e: null, f: null },
    ]);
  });

  it('reads numbers as JSON does, gcloud floats (3, 1e+10, !!float) included', () => {
    expect(
      values(
        "count: 7\nratio: 0.5\nbig: 1e+10\nexact: !!float '3'\nlarge: 12345678901234567890\nsize: !!int '20'\n",
      ),
    ).toEqual([
      // A number past 2^53 loses its last digits exactly as JSON.parse loses them.
      { count: 7, ratio: 0.5, big: 1e10, exact: 3, large: JSON.parse('12345678901234567890'), size: 20 },
    ]);
  });

  it('reads a %YAML 1.1 document with YAML 1.1 booleans, its times kept as text', () => {
    expect(values("%YAML 1.1\n---\nenabled: yes\ncreated: 2024-05-14 02:31:07\nzone: 'on'\n")).toEqual([
      { enabled: true, created: '2024-05-14 02:31:07', zone: 'on' },
    ]);
  });

  it('gives a !!binary blob (AWS CLI v2) as the base64 text its JSON output holds', () => {
    expect(values('CiphertextBlob: !!binary |\n  AQIDAHh4eXo=\n  MTIz\nKeyId: k\n')).toEqual([
      { CiphertextBlob: 'AQIDAHh4eXo=MTIz', KeyId: 'k' },
    ]);
  });

  it('expands anchors and aliases (PyYAML writes them for an object reached twice)', () => {
    expect(values('a: &id001\n  x: 1\nb: *id001\n')).toEqual([{ a: { x: 1 }, b: { x: 1 } }]);
  });

  it('gives each document of a stream with its line, leaving out the empty ones', () => {
    const documents = parseYamlDocuments('x.yaml', '---\nname: a\n---\nname: b\n---\n', false);
    expect(documents).toEqual([
      { value: { name: 'a' }, line: 2 },
      { value: { name: 'b' }, line: 4 },
    ]);
  });
});

describe('which files are YAML', () => {
  it('by name: .yaml and .yml, gzipped or not', () => {
    expect(['a.yaml', 'b.YML', 'c.yaml.gz'].map(isYamlFileName)).toEqual([true, true, true]);
    expect(['a.json', 'yaml', 'a.yaml.txt'].map(isYamlFileName)).toEqual([false, false, false]);
  });

  it('by content, as the CLIs start their YAML, and not text, CSV or JSON', () => {
    expect(looksLikeYaml('---\nallowed:\n')).toBe(true);
    expect(looksLikeYaml('# saved by the vendor\n\nbackendType: SECOND_GEN\n')).toBe(true);
    expect(looksLikeYaml('- DBInstances:\n  - DBInstanceIdentifier: a\n')).toBe(true);
    expect(looksLikeYaml('bindings:\n- members:\n')).toBe(true);
    expect(looksLikeYaml('just some notes\n')).toBe(false);
    expect(looksLikeYaml('InvoiceId,Amount,Currency\n1,2,JPY\n')).toBe(false);
    expect(looksLikeYaml('Note: see below, then\n')).toBe(true);
  });

  it('reads gcloud describe output saved without an extension, by its content', async () => {
    const text = await readFile(path.join(CORPUS, 'gcp/gcloud-yaml/sql-instances-describe.yaml'));
    const { coverage, resources } = await read('handover/pg-yaml', text);
    expect(coverage.error).toBeUndefined();
    expect(coverage.format).toBe('gcp-rest-resources');
    expect(resources.map((r) => r.id)).toEqual([
      '//cloudsql.googleapis.com/projects/corpus-yaml-demo/instances/pg-yaml',
    ]);
  });

  it('leaves text and CSV files as they were reported before', async () => {
    expect((await read('notes.txt', 'just some notes\n')).coverage.error).toMatch(
      /unknown export format: the file is neither JSON, YAML nor a known text export/,
    );
    expect((await read('billing.csv', 'InvoiceId,Amount,Currency\n1,2,JPY\n')).coverage.error).toMatch(
      /a CSV file whose header \(InvoiceId, Amount, Currency\) is none of the CSV exports/,
    );
  });

  it('reads a gzipped YAML file', async () => {
    const text = await readFile(path.join(CORPUS, 'azure/cli-yaml/storage-account-show.yaml'));
    const { coverage, resources } = await read('storage.yaml.gz', gzipSync(text));
    expect([coverage.format, resources.length]).toEqual(['azure-arm', 1]);
  });

  it('reads az -o yamlc output that kept its terminal colours', async () => {
    const colored = '\x1b[94mname\x1b[39;49;00m: styamlcorpus01\n\x1b[94mtype\x1b[39;49;00m: x\n';
    expect(parseYamlDocuments('x.yaml', colored, false)[0]?.value).toEqual({
      name: 'styamlcorpus01',
      type: 'x',
    });
    expect(looksLikeYaml(colored)).toBe(true);
  });
});

describe('documents go through the JSON formats', () => {
  it('reads a gcloud list stream (--- between resources) as the array its JSON output is', async () => {
    const text = await readFile(path.join(CORPUS, 'gcp/gcloud-yaml/compute-firewall-rules-list.yaml'));
    const { coverage, resources } = await read('firewalls.yaml', text);
    expect(coverage.format).toBe('gcp-rest-resources');
    expect(resources.map((r) => r.name)).toEqual(['default-allow-ssh', 'default-allow-internal']);
  });

  it('reads a gcloud list of one resource, one document, as the array of one its JSON is', async () => {
    const [first] = JSON.parse(
      await readFile(path.join(CORPUS, 'gcp/cloud-run/search-all-iam-policies.json'), 'utf8'),
    );
    const { coverage, resources } = await read('search-one.yaml', `---\n${stringify(first)}`);
    expect([coverage.format, coverage.error, resources.length]).toEqual([
      'gcp-iam-policy-search',
      undefined,
      1,
    ]);
  });

  it('reads aws --output yaml-stream, one list item per page, page by page', async () => {
    const text = await readFile(path.join(CORPUS, 'aws/cli-yaml/rds-describe-db-instances-stream.yaml'));
    const { coverage, resources } = await read('rds-stream.yaml', text);
    expect([coverage.format, coverage.error]).toEqual(['aws-api-describe', undefined]);
    expect(resources.map((r) => r.name)).toEqual(['yaml-stream-private', 'yaml-stream-public']);
  });

  it('places a bare IAM policy by its YAML file name, and skips it under any other name', async () => {
    const text = await readFile(
      path.join(CORPUS, 'gcp/gcloud-yaml/projects-corpus-yaml-demo-iam-policy.yaml'),
    );
    const named = await read('projects-corpus-yaml-demo-iam-policy.yml', text);
    expect(named.resources.map((r) => r.id)).toEqual([
      '//cloudresourcemanager.googleapis.com/projects/corpus-yaml-demo',
    ]);
    const unnamed = await read('policy.yaml', text);
    expect(unnamed.resources).toEqual([]);
    expect(unnamed.coverage.skipped[0]?.reason).toMatch(
      /projects-<project id>-iam-policy\.json \(or \.yaml;/,
    );
  });

  it('fails the checks on what the YAML exports hold, as on the JSON', async () => {
    const files = [
      'gcp/gcloud-yaml/sql-instances-describe.yaml',
      'gcp/gcloud-yaml/projects-corpus-yaml-demo-iam-policy.yaml',
      'gcp/gcloud-yaml/compute-firewall-rules-list.yaml',
      'azure/cli-yaml/storage-account-show.yaml',
      'aws/cli-yaml/rds-describe-db-instances.yaml',
    ];
    const inventory = new Inventory();
    for (const file of files) await readInputFile(path.join(CORPUS, file), (r) => inventory.add(r));
    addMissingAccounts(inventory);
    const failed = [...evaluate(inventory, await loadFramework('osaka'), NOW)]
      .filter((f) => f.status === 'FAIL')
      .map((f) => `${f.checkId} ${f.resource.name}`);
    expect(failed).toEqual(
      expect.arrayContaining([
        'gcp.sql.instance-public-access pg-yaml',
        'gcp.compute.firewall-internet-ingress default-allow-ssh',
        'gcp.iam.external-principals corpus-yaml-demo',
        'azure.storage.minimum-tls styamlcorpus01',
        'aws.rds.instance-public-access yaml-orders',
      ]),
    );
    expect(failed).not.toContain('gcp.compute.firewall-internet-ingress default-allow-internal');
  });
});

describe("kansa's own YAML files beside the exports", () => {
  it('a framework is passed over with the reason', async () => {
    const text = await readFile(path.resolve(import.meta.dirname, '../../policies/osaka.yaml'));
    const { coverage, resources } = await read('own/osaka.yaml', text);
    expect([coverage.error, coverage.ignored, resources]).toEqual([
      undefined,
      "kansa's own framework file (scan --framework), not a cloud export",
      [],
    ]);
  });

  it('waivers and an organisation policy too, the reason in Japanese as well', async () => {
    // The waivers file as docs/history.md shows it.
    const waivers = await read(
      'own/waivers.yaml',
      'waivers:\n  - id: W-2026-014\n    check: azure.storage.blob-public-access\n    resources:\n      tag: "purpose=public-web"\n    reason: 公開Webサイトの静的コンテンツ\n    approver: 情報政策課 山田\n    approved: 2026-10-01\n    expires: 2027-03-31\n',
    );
    expect(waivers.coverage.ignored).toBe("kansa's own waivers file (scan --waivers), not a cloud export");
    const policy = await read('own/org-policy.yaml', 'severity:\n  aws.s3.bucket-public-access: critical\n');
    expect(policy.coverage.ignored).toBe(
      "kansa's own organisation policy file (scan --org-policy), not a cloud export",
    );
    expect(localizeProblem(policy.coverage.ignored!, 'ja')).toBe(
      'kansa 自身の組織のポリシーファイル（scan --org-policy）で、クラウドのエクスポートではありません',
    );
  });
});

describe('the YAML of a JSON export gives the resources the JSON gives', () => {
  /** A JSON export as a YAML 1.2 emitter (ruamel.yaml, under gcloud and the AWS CLI) would print it: a list as gcloud does, one document per item. */
  const asYaml = (document: unknown) =>
    Array.isArray(document)
      ? document.map((item) => `---\n${stringify(item)}`).join('')
      : stringify(document);
  const withoutOrigin = (resources: Resource[]) => resources.map(({ origin: _, ...rest }) => rest);

  it.each([
    'gcp/gcloud/kms-keys-list.json',
    'gcp/gcloud/container-clusters-list.json',
    'gcp/gcloud/logging-buckets-list.json',
    'gcp/gcloud/sql-instances-describe.json',
    'gcp/gcloud-storage/buckets-list.json',
    'gcp/cloud-run/search-all-iam-policies.json',
    'azure/cli-show/postgres-flexible-server-show.json',
    'azure/cli-list/nsg-rule-list.json',
    'aws/api-describe/rds-describe-db-instances.json',
    'aws/api-describe/ec2-describe-security-groups.json',
  ])('%s', async (file) => {
    const json = await readFile(path.join(CORPUS, file), 'utf8');
    const name = path.basename(file, '.json');
    const fromJson = await read(`parity/${name}.json`, json);
    const fromYaml = await read(`parity/${name}.yaml`, asYaml(JSON.parse(json)));
    expect(fromYaml.coverage.format).toBe(fromJson.coverage.format);
    expect(fromYaml.resources.length).toBeGreaterThan(0);
    expect(withoutOrigin(fromYaml.resources)).toEqual(withoutOrigin(fromJson.resources));
    expect(fromYaml.coverage.skipped).toEqual(fromJson.coverage.skipped);
  });
});

describe('bad YAML is reported with file, line and column, and never quotes the file', () => {
  it('a syntax error, at its line and column, described without the line that holds it', async () => {
    const { coverage } = await read(
      'broken.yaml',
      'name: db\nsettings:\n  password: hunter2-secret\n   tier: small\n',
    );
    expect(coverage.error).toMatch(
      /broken\.yaml:3:13: invalid YAML: a nested mapping where a key was expected$/,
    );
    expect(coverage.error).not.toMatch(/hunter2|tier/);
  });

  it('a repeated key, without the values', async () => {
    const { coverage } = await read('dup.yml', 'token: first-secret\ntoken: second-secret\n');
    expect(coverage.error).toMatch(/dup\.yml:2:1: invalid YAML: a key repeated in one mapping$/);
  });

  it('a file taken for YAML by its content says it is none of the three', async () => {
    const { coverage } = await read('notes', 'Status: draft\n  see: the list\n');
    expect(coverage.error).toMatch(
      /notes:1:9: the file is neither JSON, a known text export nor valid YAML \(a nested mapping where a key was expected\)$/,
    );
  });

  it('YAML of no known format, as the JSON path reports it', async () => {
    const { coverage } = await read('other.yaml', 'hello: world\n');
    expect(coverage.error).toMatch(
      /other\.yaml:1: unknown export format: no known format has this YAML shape\. Expected one of:/,
    );
  });

  it('a stream read as an array: an item no format reads is skipped, as in the JSON array, at its line', async () => {
    const text = await readFile(
      path.join(CORPUS, 'gcp/gcloud-yaml/compute-firewall-rules-list.yaml'),
      'utf8',
    );
    const { coverage, resources } = await read('more.yaml', `${text}---\nhello: world\n`);
    expect(resources.map((r) => r.name)).toEqual(['default-allow-ssh', 'default-allow-internal']);
    expect(coverage.skipped).toEqual([
      // The third document starts on the line after its `---`.
      {
        index: 2,
        line: text.split('\n').length + 1,
        reason: 'not a Google Cloud REST resource with a known `kind`',
      },
    ]);
  });

  it('a stream no format reads as a whole: documents before the unknown one are read, the file marked at its line', async () => {
    const text = await readFile(path.join(CORPUS, 'aws/cli-yaml/rds-describe-db-instances.yaml'), 'utf8');
    const { coverage, resources } = await read('mixed.yaml', `${text}---\nhello: world\n`);
    expect(resources.map((r) => r.name)).toEqual(['yaml-orders']);
    const line = text.split('\n').length + 1;
    expect(coverage.error).toMatch(
      new RegExp(
        `mixed\\.yaml:${line}: unknown export format: no known format has the shape of YAML document 2\\.`,
      ),
    );
  });

  it('an alias bomb is refused, not expanded', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const name of 'bcdefgh')
      bomb.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`)
          .join(', ')}]`,
      );
    const { coverage } = await read('bomb.yaml', `${bomb.join('\n')}\n`);
    expect(coverage.error).toMatch(/bomb\.yaml:1: invalid YAML: aliases expand too far/);
  });

  it('only comments: an empty file', async () => {
    const { coverage } = await read('empty.yaml', '# nothing listed\n---\n');
    expect(coverage.error).toMatch(/empty\.yaml: empty file: expected a cloud inventory export/);
  });

  it('the errors in Japanese', () => {
    expect(localizeProblem('x.yaml:2:1: invalid YAML: a key repeated in one mapping', 'ja')).toBe(
      'x.yaml:2:1: YAML として不正です: 1 つのマッピングの中で重複したキー',
    );
    expect(
      localizeProblem(
        'notes:2:3: the file is neither JSON, a known text export nor valid YAML (a line indented wrongly)',
        'ja',
      ),
    ).toBe('notes:2:3: JSON でも既知のテキスト形式でもなく、YAML としても不正です（インデントの誤った行）');
  });
});
