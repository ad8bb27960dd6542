import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import {
  awsCredentialReportSteampipeCsv,
  awsCredentialReportSteampipeFormat,
} from '../../../src/sources/aws/steampipe-iam-reports.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { fact } from '../../helpers/checks.ts';

/**
 * Steampipe's `aws_iam_credential_report` rows (`select *`, JSON and CSV output), as
 * turbot/steampipe-plugin-aws `aws/table_aws_iam_credential_report.go` writes them: the
 * report's columns renamed `user_name` / `user_arn`, booleans, timestamps, null for the report's
 * `N/A` and `no_information`. The fixtures are the corpus files (tests/corpus/SOURCES.md).
 */
const CORPUS = path.resolve(import.meta.dirname, '../../corpus/data/aws/steampipe');
const json = JSON.parse(
  readFileSync(path.join(CORPUS, 'aws-iam-credential-report.json'), 'utf8'),
) as unknown[];
const csv = readFileSync(path.join(CORPUS, 'aws-iam-credential-report.csv'), 'utf8');

const ctx = (skipped: string[]) => ({ file: 'report.json', skip: (reason: string) => skipped.push(reason) });
const byName = (resources: readonly Resource[], name: string) => resources.find((r) => r.name === name);

beforeAll(loadCsvParser);

describe('aws-iam-credential-report-steampipe', () => {
  it('is the format the rows are taken for, in both JSON shapes, and its CSV', () => {
    const jsonFormats = INPUT_FORMATS.filter((f) => f.kind === 'document');
    expect(jsonFormats.find((f) => f.matches(json))?.id).toBe('aws-iam-credential-report-steampipe');
    const columns = Object.keys(json[0] as object).map((name) => ({ name, data_type: 'text' }));
    const result = { columns, rows: json };
    expect(jsonFormats.find((f) => f.matches(result))?.id).toBe('aws-iam-credential-report-steampipe');
    const header = csv.slice(0, csv.indexOf('\n'));
    expect(INPUT_FORMATS.find((f) => f.kind === 'text' && f.matches(header))?.id).toBe(
      'aws-iam-credential-report-steampipe-csv',
    );
  });

  it('reads the root row as the account and the others as users, as the report’s own rows', () => {
    const skipped: string[] = [];
    const resources = [...awsCredentialReportSteampipeFormat.read(json, ctx(skipped))];
    expect(skipped).toEqual([]);
    expect(resources.map((r) => r.kansaType)).toEqual(['account', 'iam.user', 'iam.user', 'iam.user']);
    expect(fact(resources[0], 'rootMfaActive')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(resources[0], 'rootAccessKeyActive')).toMatchObject({ value: true });
    // A null last use is the report's N/A / no_information: never used.
    expect(fact(byName(resources, 'console-mfa'), 'passwordLastUsed')).toMatchObject({
      source: 'explicit',
      value: null,
    });
    expect(fact(byName(resources, 'deploy-bot'), 'activeAccessKeys')).toMatchObject({
      value: [{ slot: 1, lastRotated: '2019-02-01T00:01:00Z', lastUsed: null }],
    });
  });

  it('reads the CSV output as the JSON output', () => {
    const skipped: string[] = [];
    const fromCsv = [
      ...awsCredentialReportSteampipeCsv.read(csv, { file: 'r.csv', skip: (r) => skipped.push(r) }),
    ];
    const fromJson = [...awsCredentialReportSteampipeFormat.read(json, ctx([]))];
    expect(skipped).toEqual([]);
    const facts = (resources: readonly Resource[]) =>
      resources.map((r) => [r.kansaType, r.name.replace(/\d{12}/, '<account>'), r.facts]);
    expect(JSON.stringify(facts(fromCsv))).toBe(JSON.stringify(facts(fromJson)));
  });

  it('leaves a column the query did not select unknown, not a credential never used', () => {
    const { password_last_used: _notSelected, ...projected } = json[1] as Record<string, unknown>;
    const [user] = [...awsCredentialReportSteampipeFormat.read([projected], ctx([]))];
    expect(fact(user, 'passwordLastUsed')).toMatchObject({ source: 'unknown' });
    expect(fact(user, 'mfaActive')).toMatchObject({ source: 'explicit', value: false });
  });
});
