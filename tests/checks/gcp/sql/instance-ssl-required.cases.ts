import { expect } from 'vitest';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { policyRecord, sqlInstanceRecord } from '../../../sources/gcp/records.ts';

const ID = '//cloudsql.googleapis.com/projects/osaka-juki-prod/instances/db';
const IP = 'resource.data.settings.ipConfiguration';

const table = [
  {
    name: 'ENCRYPTED_ONLY',
    ip: { sslMode: 'ENCRYPTED_ONLY' },
    status: 'PASS',
    evidence: [`${IP}.sslMode`, 'explicit'],
  },
  {
    name: 'client certificates required',
    ip: { sslMode: 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED', requireSsl: true },
    status: 'PASS',
    evidence: [`${IP}.sslMode`, 'explicit'],
  },
  {
    name: 'only the legacy requireSsl true',
    ip: { requireSsl: true },
    status: 'PASS',
    evidence: [`${IP}.requireSsl`, 'explicit'],
  },
  {
    // Instances that set only the legacy flag may carry the enum's zero value beside it.
    name: 'SSL_MODE_UNSPECIFIED beside requireSsl true',
    ip: { sslMode: 'SSL_MODE_UNSPECIFIED', requireSsl: true },
    status: 'PASS',
    evidence: [`${IP}.requireSsl`, 'explicit'],
  },
  {
    name: 'unencrypted allowed',
    ip: { sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED', requireSsl: false },
    status: 'FAIL',
    evidence: [`${IP}.sslMode`, 'explicit'],
  },
  {
    name: 'neither set: the default (unencrypted allowed)',
    ip: {},
    status: 'FAIL',
    evidence: [`${IP}.sslMode`, 'default'],
  },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, ip, status, evidence }) => ({
    name,
    records: [sqlInstanceRecord('db', { ipConfiguration: ip })],
    status,
    messageId: status === 'PASS' ? 'encryptedOnly' : 'unencryptedAllowed',
    assert: (result: { evidence: readonly { path: string; source: string }[] }) =>
      expect(result.evidence.map((e) => [e.path, e.source])).toEqual([evidence]),
  })),
  {
    name: 'the legacy requireSsl false: the evidence shows the flag’s false, not the mode it means',
    records: [sqlInstanceRecord('db', { ipConfiguration: { requireSsl: false } })],
    status: 'FAIL',
    messageId: 'unencryptedAllowed',
    evidence: [{ path: `${IP}.requireSsl`, source: 'explicit', value: false }],
  },
  {
    // SQL Server pairs requireSsl true with ENCRYPTED_ONLY (it has no client-certificate mode).
    name: 'the legacy requireSsl true on SQL Server means ENCRYPTED_ONLY',
    records: [
      sqlInstanceRecord(
        'db',
        { ipConfiguration: { requireSsl: true } },
        { databaseVersion: 'SQLSERVER_2022_STANDARD' },
      ),
    ],
    status: 'PASS',
    messageId: 'encryptedOnly',
    data: { mode: 'ENCRYPTED_ONLY' },
  },
  {
    name: 'the legacy requireSsl true on PostgreSQL means TRUSTED_CLIENT_CERTIFICATE_REQUIRED',
    records: [sqlInstanceRecord('db', { ipConfiguration: { requireSsl: true } })],
    status: 'PASS',
    messageId: 'encryptedOnly',
    data: { mode: 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED' },
  },
  {
    name: 'only the IAM-policy line of the instance exported',
    records: [policyRecord(ID, 'sqladmin.googleapis.com/Instance', {}, ['projects/111111111111'])],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default byVerdict(cases) satisfies RuleTests;
