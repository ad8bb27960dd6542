import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/sql/instance-ssl-required.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { sqlInstanceRecord } from '../../sources/gcp/records.ts';

const ID = '//cloudsql.googleapis.com/projects/osaka-juki-prod/instances/db';
const IP = 'resource.data.settings.ipConfiguration';

const cases = [
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

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ ip, status, evidence }) => {
    const result = evaluate(
      check,
      readRecords(gcpAssetExport, [sqlInstanceRecord('db', { ipConfiguration: ip })]),
      ID,
    );
    expect(result.status).toBe(status);
    expect(result.evidence.map((e) => [e.path, e.source])).toEqual([evidence]);
  });

  it('is UNKNOWN when only the IAM-policy line of the instance is exported', () => {
    const policyOnly = {
      name: ID,
      asset_type: 'sqladmin.googleapis.com/Instance',
      iam_policy: { version: 1, etag: 'BwYh3kPq9xM=' },
      ancestors: ['projects/111111111111'],
    };
    expect(evaluate(check, readRecords(gcpAssetExport, [policyOnly]), ID).status).toBe('UNKNOWN');
  });
});
