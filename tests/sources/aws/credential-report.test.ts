import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/base/input-error.ts';
import { accountResourceId, type Resource } from '../../../src/model/resource.ts';
import { Inventory } from '../../../src/scan/inventory.ts';
import { awsConfigSnapshotFormat } from '../../../src/sources/aws/config-snapshot.ts';
import {
  awsCredentialReportApiFormat,
  awsCredentialReportFormat,
} from '../../../src/sources/aws/credential-report.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { readRecords } from '../../helpers/checks.ts';
import {
  ACCOUNT,
  ADMINISTRATOR_ACCESS,
  credentialReport,
  credentialRow,
  iamUserItem,
  rootRow,
  userArn,
} from './builders.ts';

const report = credentialReport(
  rootRow('true', 'true'),
  credentialRow('admin', userArn('admin'), 'true', 'false'),
  credentialRow('ci', userArn('ci'), 'false', 'false', 'true'),
);

function read(text: string) {
  const skipped: { reason: string; line?: number }[] = [];
  const ctx = {
    file: 'report.csv',
    skip: (reason: string, where?: { line?: number }) => skipped.push({ reason, ...where }),
  };
  return { resources: [...awsCredentialReportFormat.read(text, ctx)] as Resource[], skipped };
}

// The CSV parser is loaded by the scan before a text format is asked (read-inputs); here, first.
beforeAll(loadCsvParser);

describe('aws-iam-credential-report (CSV)', () => {
  it('turns the <root_account> row into the account resource and other rows into IAM users', () => {
    const { resources, skipped } = read(report);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      kansaType: 'account',
      nativeType: 'AWS::::Account',
      id: accountResourceId('aws', ACCOUNT),
      account: ACCOUNT,
      region: 'global',
      origin: { file: 'report.csv', line: 2 },
      facts: {
        rootMfaActive: { source: 'explicit', value: true, path: 'mfa_active' },
        rootAccessKeyActive: { source: 'explicit', value: true, path: 'access_key_1_active' },
      },
    });
    expect(resources[1]).toMatchObject({
      kansaType: 'iam.user',
      id: userArn('admin'),
      name: 'admin',
      facts: {
        passwordEnabled: { source: 'explicit', value: true },
        mfaActive: { source: 'explicit', value: false },
      },
    });
    expect(resources[2]?.facts).toMatchObject({ passwordEnabled: { source: 'explicit', value: false } });
  });

  it('reads root without access keys as explicit false, and N/A / not_supported / no_information as unknown', () => {
    const root = read(credentialReport(rootRow('false'))).resources[0];
    expect(root?.facts).toMatchObject({ rootAccessKeyActive: { source: 'explicit', value: false } });
    const odd = credentialReport(credentialRow('x', userArn('x'), 'not_supported', 'no_information'));
    expect(read(odd).resources[0]?.facts).toMatchObject({
      passwordEnabled: {
        source: 'unknown',
        note: { en: 'the credential report\'s password_enabled is "not_supported"' },
      },
      mfaActive: { source: 'unknown' },
    });
  });

  it('accepts CRLF line ends and skips rows without an ARN', () => {
    const text = `${report.replaceAll('\n', '\r\n')}broken,,2024-01-01T00:00:00+00:00,true\r\n`;
    const { resources, skipped } = read(text);
    expect(resources).toHaveLength(3);
    expect(skipped).toEqual([{ line: 5, reason: 'row for "broken" has no IAM ARN' }]);
  });

  it('throws an InputError when a needed column is missing', () => {
    expect(() =>
      read('user,arn,user_creation_time,password_enabled\nx,arn:aws:iam::1:user/x,t,true\n'),
    ).toThrow(/credential report without column\(s\): mfa_active/);
  });

  it('merges a user row with the Config AWS::IAM::User item of the same ARN', () => {
    const inventory = new Inventory();
    for (const r of readRecords(awsConfigSnapshotFormat, [
      iamUserItem('admin', { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] }),
    ]))
      inventory.add(r);
    for (const r of read(report).resources) inventory.add(r);
    expect(inventory.byId('aws', userArn('admin'))?.facts).toMatchObject({
      attachedPolicyArns: { value: [ADMINISTRATOR_ACCESS.policyArn] },
      mfaActive: { value: false },
    });
  });

  it.each([
    ['the report header', report.split('\n')[0]!, true],
    ['another CSV', 'name,region,size', false],
    ['a JSON document', '{"Content": "x"}', false],
  ])('matches %s → %s', (_, line, expected) => {
    expect(awsCredentialReportFormat.matches(line)).toBe(expected);
  });
});

describe('aws-iam-credential-report-api (get-credential-report JSON)', () => {
  const document = {
    Content: Buffer.from(report).toString('base64'),
    ReportFormat: 'text/csv',
    GeneratedTime: '2026-11-01T00:30:00+00:00',
  };

  it('decodes the base64 Content and reads it as the CSV', () => {
    const resources = readRecords(awsCredentialReportApiFormat, document as never);
    expect(resources.map((r) => r.kansaType)).toEqual(['account', 'iam.user', 'iam.user']);
  });

  // SDK mocks that hand the decoded bytes back (awslabs/aws-config-rules Node tests mock
  // getCredentialReport with `Content: csv`): the CSV as it is.
  it('reads a Content that is the CSV itself, not base64', () => {
    const resources = readRecords(awsCredentialReportApiFormat, { ...document, Content: report } as never);
    expect(resources.map((r) => r.kansaType)).toEqual(['account', 'iam.user', 'iam.user']);
  });

  it('throws an InputError when Content is not a credential report', () => {
    const bad = { ...document, Content: Buffer.from('hello').toString('base64') };
    expect(() => readRecords(awsCredentialReportApiFormat, bad as never)).toThrow(InputError);
  });

  it.each([
    ['get-credential-report output', document, true],
    ['a Config snapshot', { fileVersion: '1.0', configurationItems: [] }, false],
    ['az graph query output', { count: 0, data: [], total_records: 0 }, false],
  ])('matches %s → %s', (_, doc, expected) => {
    expect(awsCredentialReportApiFormat.matches(doc)).toBe(expected);
  });
});
