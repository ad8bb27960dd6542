import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import schema from '../../src/report/findings-schema.json' with { type: 'json' };
import { loadAll, readFindings } from '../../src/report/read-findings.ts';
import { kansa } from '../report/helpers/findings.ts';

const AWS_PLAN = path.join('tests/iac/fixtures/aws/plan.json');
const validate = addFormats.default(new Ajv({ allErrors: true })).compile(schema);

let dir: string;
let findingsPath: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-iac-cli-'));
  findingsPath = path.join(dir, 'plan-findings.json');
  const run = await kansa('scan', '--input', AWS_PLAN, '--format', 'json', '--output', findingsPath);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}, 60_000);

/** A plan that changes nothing: an unencrypted volume it keeps as it is. */
function keptFailurePlan(): string {
  const volume = {
    arn: 'arn:aws:ec2:ap-northeast-1:123456789012:volume/vol-0123456789abcdef0',
    availability_zone: 'ap-northeast-1a',
    encrypted: false,
    id: 'vol-0123456789abcdef0',
    size: 8,
    tags: {},
    tags_all: {},
  };
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: {} },
    resource_changes: [
      {
        address: 'aws_ebs_volume.old',
        mode: 'managed',
        type: 'aws_ebs_volume',
        name: 'old',
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: {
          actions: ['no-op'],
          before: volume,
          after: volume,
          after_unknown: {},
          before_sensitive: {},
          after_sensitive: {},
        },
      },
    ],
    configuration: { root_module: {} },
  });
}

describe('kansa scan on a Terraform plan', () => {
  it('writes a findings file with the Terraform origin and plan changes, valid against the schema', async () => {
    for (const line of (await readFile(findingsPath, 'utf8')).trimEnd().split('\n')) {
      expect(validate(JSON.parse(line)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
    const file = loadAll(await readFindings(findingsPath));
    const db = file.findings.find(
      (f) => f.checkId === 'aws.rds.instance-public-access' && f.resource.id === 'aws_db_instance.main',
    );
    expect(db?.change).toBe('introduced');
    expect(db?.resource.origin.iac).toMatchObject({ address: 'aws_db_instance.main', action: 'update' });
  });

  it('--fail-on high --only-new fails on a failure the plan brings in, not on one it keeps', {
    timeout: 120_000,
  }, async () => {
    expect((await kansa('scan', '--input', AWS_PLAN, '--fail-on', 'high', '--only-new')).code).toBe(1);
    const kept = path.join(dir, 'kept.json');
    await writeFile(kept, keptFailurePlan());
    expect((await kansa('scan', '--input', kept, '--fail-on', 'high')).code).toBe(1);
    expect((await kansa('scan', '--input', kept, '--fail-on', 'high', '--only-new')).code).toBe(0);
    // Without --fail-on it would gate nothing: a usage error, in either language.
    for (const [lang, said] of [
      ['en', /--only-new narrows --fail-on: give --fail-on SEVERITY too/],
      ['ja', /--only-new は --fail-on の対象を絞り込みます。--fail-on SEVERITY も指定してください/],
    ] as const) {
      const alone = await kansa('scan', '--input', kept, '--only-new', '--lang', lang);
      expect(alone.code).toBe(2);
      expect(alone.stderr).toMatch(said);
    }
  });

  it('annotates SARIF results at the resource declaration, with the address', {
    timeout: 30_000,
  }, async () => {
    const sarifPath = path.join(dir, 'plan.sarif');
    const run = await kansa(
      'report',
      '--input',
      findingsPath,
      '--format',
      'sarif',
      '--output',
      sarifPath,
      '--lang',
      'en',
    );
    expect(run.code).toBe(0);
    const sarif = JSON.parse(await readFile(sarifPath, 'utf8'));
    const result = sarif.runs[0].results.find(
      (r: { ruleId: string; locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }) =>
        r.ruleId === 'aws.rds.instance-public-access' &&
        r.locations[0]?.logicalLocations[0]?.fullyQualifiedName === 'aws_db_instance.main',
    );
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'tests/iac/fixtures/aws/main.tf' },
      region: { startLine: 88 },
    });
    expect(result.properties.change).toBe('introduced');
    expect(result.properties.terraform.plan).toBe(AWS_PLAN);
  });

  it('judges what an errored plan planned and exits 3 (partial); an errored plan of nothing exits 2', {
    timeout: 60_000,
  }, async () => {
    // show-json/plan-error of hashicorp/terraform: `errored: true`, saved by `-out` all the same.
    const errored = { ...JSON.parse(keptFailurePlan()), applyable: false, complete: false, errored: true };
    const partPath = path.join(dir, 'errored.json');
    await writeFile(partPath, JSON.stringify(errored));
    const part = await kansa('scan', '--input', partPath, '--format', 'json', '--lang', 'en');
    expect(part.code).toBe(3);
    expect(part.stdout).toContain('aws_ebs_volume.old');
    expect(part.stderr).toContain('an errored plan (errored: true)');

    const nothingPath = path.join(dir, 'errored-empty.json');
    await writeFile(nothingPath, JSON.stringify({ ...errored, resource_changes: undefined }));
    const nothing = await kansa('scan', '--input', nothingPath, '--lang', 'en');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing could be read');
  });
});
