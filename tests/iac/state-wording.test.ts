import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlanOrigin } from '../../src/model/resource.ts';
import { FIXTURES, findingOf, scanFile } from './helpers.ts';

/**
 * A finding on a resource read from a state (the state file itself, or `terraform show -json`
 * of a state) speaks of the state, not of a plan: the state is what was applied, and what it
 * lacks is not what a plan would make.
 */

/** "The plan", "a Terraform plan", 「計画」: the input named a plan. */
const NAMES_PLAN = {
  en: /\b(?:a|the|this) (?:Terraform )?plan\b/i,
  ja: /計画/,
};

describe('the wording of findings on a state’s resources', () => {
  it.each(['aws', 'azure', 'gcp'])('names no plan in %s messages or evidence notes', async (cloud) => {
    const scanned = await scanFile(path.join(FIXTURES, 'state', `${cloud}.tfstate`));
    const fromState = scanned.findings.filter((f) => isPlanOrigin(f.resource.origin));
    expect(fromState.length).toBeGreaterThan(10);
    const named: string[] = [];
    let state = 0;
    for (const finding of fromState) {
      const notes = finding.evidence.flatMap((fact) => ('note' in fact && fact.note ? [fact.note] : []));
      for (const text of [finding.message, ...notes]) {
        for (const lang of ['en', 'ja'] as const) {
          if (NAMES_PLAN[lang].test(text[lang]))
            named.push(`${finding.checkId} ${finding.resource.id}: ${text[lang]}`);
        }
        if (/\bstate\b/i.test(text.en) && /ステート/.test(text.ja)) state++;
      }
    }
    expect(named).toEqual([]);
    expect(state).toBeGreaterThan(0);
  });

  it('speaks of the state for the account only the state’s resources name', async () => {
    const scanned = await scanFile(path.join(FIXTURES, 'state', 'aws.tfstate'));
    const finding = findingOf(scanned, 'aws.iam.root-mfa', 'arn:aws:iam::123456789012:root');
    expect(finding).toMatchObject({ status: 'UNKNOWN', messageId: 'noReport.state' });
    expect(finding.message.en).toMatch(
      /^The Terraform state does not show the IAM credential report: a Terraform state shows only the resources its configuration manages/,
    );
    expect(finding.message.ja).toMatch(
      /^Terraform のステートにIAM 認証情報レポートはありません。Terraform のステートにあるのは/,
    );
  });

  it('speaks of the state for terraform show -json of a state', async () => {
    const scanned = await scanFile(
      path.join(import.meta.dirname, '../corpus/data/aws/terraform-plan/guardduty-show-json-state-tf19.json'),
    );
    const texts = scanned.findings
      .filter((f) => isPlanOrigin(f.resource.origin))
      .flatMap((f) => [
        f.message.en,
        ...f.evidence.flatMap((fact) => ('note' in fact && fact.note ? [fact.note.en] : [])),
      ]);
    expect(texts.filter((text) => NAMES_PLAN.en.test(text))).toEqual([]);
    expect(texts.filter((text) => /\bthe (?:Terraform )?state\b/i.test(text)).length).toBeGreaterThan(0);
  });
});
