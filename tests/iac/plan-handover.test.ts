import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localizeProblem } from '../../src/report/problem-text.ts';
import { awsIngressRule, type Change, constant, plan } from './dialect-plan.ts';
import { scanFile } from './helpers.ts';

/**
 * Plans as users hand them over besides one `terraform show -json` a file: the plans of several
 * modules written one after another into one file, each pretty-printed (a loop over the
 * modules' folders running `terraform -chdir=<module> show -json plan.out | jq .` into one file,
 * `terragrunt run-all show -json | jq .`, the modules' `plan.json` files concatenated with cat).
 */

const PROVIDERS = { aws: { region: constant('ap-northeast-1') } };
const OPEN_PORTS = 'aws.ec2.security-group-open-ports';

const group = (cidr: string): Change => ({
  address: 'aws_security_group.admin',
  after: { name: 'admin', ingress: [awsIngressRule(22, cidr)], egress: [], tags: null },
  afterUnknown: { arn: true, id: true },
});

function written(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kansa-handover-')), name);
  writeFileSync(file, text);
  return file;
}

describe('plans of several modules one after another in one file', () => {
  it('keeps each pretty-printed plan apart, its ids named by the line it starts on', async () => {
    const pretty = (cidr: string) => JSON.stringify(plan([group(cidr)], { providers: PROVIDERS }), null, 2);
    const first = pretty('0.0.0.0/0');
    const file = written('plans.json', `${first}\n${pretty('10.0.0.0/16')}\n`);
    const scanned = await scanFile(file);
    expect(scanned.coverage.error).toBeUndefined();
    expect(scanned.coverage.format).toBe('terraform-json');
    const second = first.split('\n').length + 1;
    expect(
      Object.fromEntries(
        scanned.findings.filter((f) => f.checkId === OPEN_PORTS).map((f) => [f.resource.id, f.status]),
      ),
    ).toEqual({
      'line1:aws_security_group.admin': 'FAIL',
      [`line${second}:aws_security_group.admin`]: 'PASS',
    });
    expect(scanned.coverage.notes?.[0]).toMatchObject({
      line: 1,
      note: expect.stringMatching(/one after another .*prefixed with the line it starts on/),
    });
    expect(localizeProblem(scanned.coverage.notes![0]!.note, 'ja')).toContain('続けて書かれています');
  });

  it('skips a document that is no plan among them, saying where it starts', async () => {
    const plans = `${JSON.stringify(plan([group('0.0.0.0/0')], { providers: PROVIDERS }), null, 2)}\n{\n  "valid": true\n}\n`;
    const scanned = await scanFile(written('mixed.json', plans));
    expect(scanned.resources.map(({ id }) => id)).toContain('line1:aws_security_group.admin');
    const skipped = scanned.coverage.skipped?.find(({ reason }) => reason.startsWith('not a Terraform plan'));
    expect(skipped?.line).toBe(plans.split('\n').length - 3);
    expect(localizeProblem(skipped!.reason, 'ja')).toContain('計画でも状態');
  });
});

describe('a plan made with -target', () => {
  it('judges the resources it leaves out as its prior state holds them (they stay so after apply)', async () => {
    const existing = (address: string, cidr: string) => ({
      address,
      mode: 'managed',
      type: 'aws_security_group',
      name: address.split('.')[1],
      provider_name: 'registry.terraform.io/hashicorp/aws',
      schema_version: 1,
      values: {
        ...(group(cidr).after as object),
        id: 'sg-0e1f2a3b4c5d6e7f8',
        arn: 'arn:aws:ec2:ap-northeast-1:123456789012:security-group/sg-0e1f2a3b4c5d6e7f8',
      },
      sensitive_values: {},
    });
    const targeted = {
      ...plan([{ ...group('10.0.0.0/16'), address: 'aws_security_group.target' }], { providers: PROVIDERS }),
      prior_state: {
        format_version: '1.0',
        terraform_version: '1.9.8',
        values: {
          root_module: {
            resources: [
              existing('aws_security_group.left_out', '0.0.0.0/0'),
              existing('aws_security_group.target', '0.0.0.0/0'),
            ],
          },
        },
      },
      applyable: true,
      complete: false,
      errored: false,
    };
    const scanned = await scanFile(written('targeted.json', JSON.stringify(targeted)));
    expect(
      Object.fromEntries(
        scanned.findings.filter((f) => f.checkId === OPEN_PORTS).map((f) => [f.resource.id, f.status]),
      ),
    ).toEqual({ 'aws_security_group.target': 'PASS', 'aws_security_group.left_out': 'FAIL' });
    expect(scanned.resources.find(({ id }) => id === 'aws_security_group.left_out')?.origin.iac?.action).toBe(
      'state',
    );
    // An errored plan cannot be applied: what it left out is not judged.
    const errored = await scanFile(written('errored.json', JSON.stringify({ ...targeted, errored: true })));
    expect(errored.resources.map(({ id }) => id)).toEqual(['aws_security_group.target']);
  });
});
