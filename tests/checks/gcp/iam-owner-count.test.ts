import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/iam/owner-count.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import {
  ANCESTORS,
  FOLDER_NAME,
  ORG_NAME,
  PROJECT_NAME,
  projectPolicyRecord,
  resourceRecord,
} from '../../sources/gcp/records.ts';

const owners = (...members: string[]) => ({ role: 'roles/owner', members });
const folder = (...bindings: Record<string, unknown>[]) =>
  projectPolicyRecord(
    bindings,
    FOLDER_NAME,
    'cloudresourcemanager.googleapis.com/Folder',
    ANCESTORS.slice(1),
  );
const org = (...bindings: Record<string, unknown>[]) =>
  projectPolicyRecord(
    bindings,
    ORG_NAME,
    'cloudresourcemanager.googleapis.com/Organization',
    ANCESTORS.slice(2),
  );
const viewers = { role: 'roles/viewer', members: ['group:staff@city.example.jp'] };

const cases = [
  {
    name: 'one owner group, nothing inherited',
    records: [projectPolicyRecord([owners('group:admins@city.example.jp'), viewers]), folder(), org()],
    status: 'PASS',
    message: 'withinLimit',
    count: 1,
  },
  {
    name: 'three on the project and one inherited from the organization',
    records: [
      projectPolicyRecord([
        owners('user:a@city.example.jp', 'user:b@city.example.jp', 'user:c@city.example.jp'),
      ]),
      folder(viewers),
      org(owners('user:d@city.example.jp')),
    ],
    status: 'FAIL',
    message: 'tooMany',
    count: 4,
  },
  {
    name: 'a principal bound twice counts once; deleted principals not at all',
    records: [
      projectPolicyRecord([
        owners('user:a@city.example.jp', 'deleted:user:old@city.example.jp?uid=123456789'),
        {
          ...owners('user:a@city.example.jp'),
          condition: { title: 'until-2027', expression: 'request.time < timestamp("2027-01-01T00:00:00Z")' },
        },
      ]),
      folder(),
      org(),
    ],
    status: 'PASS',
    message: 'withinLimit',
    count: 1,
  },
  {
    name: 'four on the project: FAIL even without the ancestors',
    records: [projectPolicyRecord([owners('user:a@x.jp', 'user:b@x.jp', 'user:c@x.jp', 'user:d@x.jp')])],
    status: 'FAIL',
    message: 'tooMany',
    count: 4,
  },
  {
    name: 'within the limit, but the folder policy is not exported',
    records: [projectPolicyRecord([owners('user:a@x.jp')]), org()],
    status: 'UNKNOWN',
    message: 'ancestorsUnknown',
    count: 1,
  },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ records, status, message, count }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, records), PROJECT_NAME);
    expect([result.status, result.message, result.data?.count]).toEqual([status, message, count]);
  });

  it('follows the maxPrivilegedPrincipals parameter', () => {
    const records = readRecords(gcpAssetExport, [
      projectPolicyRecord([owners('user:a@x.jp', 'user:b@x.jp')]),
      folder(),
      org(),
    ]);
    expect(evaluate(check, records, PROJECT_NAME, { maxPrivilegedPrincipals: 1 }).status).toBe('FAIL');
  });

  it('is UNKNOWN without the project IAM policy', () => {
    const project = resourceRecord(PROJECT_NAME, 'cloudresourcemanager.googleapis.com/Project', {
      projectNumber: '111111111111',
      projectId: 'osaka-juki-prod',
    });
    const result = evaluate(check, readRecords(gcpAssetExport, [project]), PROJECT_NAME);
    expect([result.status, result.message]).toEqual(['UNKNOWN', 'noProjectPolicy']);
  });
});
