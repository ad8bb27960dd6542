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
