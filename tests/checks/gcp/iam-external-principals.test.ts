import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/iam/external-principals.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import {
  ANCESTORS,
  FOLDER_NAME,
  ORG_NAME,
  organizationRecord,
  PROJECT_NAME,
  projectPolicyRecord,
} from '../../sources/gcp/records.ts';

const DOMAIN = 'city.example.jp';
const grant = (role: string, ...members: string[]) => ({ role, members });
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
const internal = grant('roles/owner', `group:admins@${DOMAIN}`, `user:ops@sub.${DOMAIN}`);
const serviceAgent = grant(
  'roles/container.serviceAgent',
  'serviceAccount:service-111111111111@container-engine-robot.iam.gserviceaccount.com',
);

const cases = [
  {
    name: 'only the organization’s domain (from its displayName) and service agents',
    records: [projectPolicyRecord([internal, serviceAgent]), folder(), org(), organizationRecord(DOMAIN)],
    status: 'PASS',
    message: 'internalOnly',
  },
  {
    name: 'an outside contractor domain',
    records: [
      projectPolicyRecord([internal, grant('roles/editor', 'user:taro@vendor.example.com')]),
      folder(),
      org(),
      organizationRecord(DOMAIN),
    ],
    status: 'FAIL',
    message: 'external',
  },
  {
    name: 'allAuthenticatedUsers inherited from the folder',
    records: [projectPolicyRecord([internal]), folder(grant('roles/viewer', 'allAuthenticatedUsers')), org()],
    status: 'FAIL',
    message: 'external',
  },
  {
    name: 'a personal Gmail account, with no domain known',
    records: [projectPolicyRecord([grant('roles/viewer', 'user:someone@gmail.com')])],
    status: 'FAIL',
    message: 'external',
  },
  {
    name: 'users but no known domain',
    records: [projectPolicyRecord([internal]), folder(), org()],
    status: 'UNKNOWN',
    message: 'noMemberDomains',
  },
  {
    name: 'internal, but the organization policy is not exported',
    records: [projectPolicyRecord([internal]), folder(), organizationRecord(DOMAIN)],
    status: 'UNKNOWN',
    message: 'ancestorsUnknown',
  },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ records, status, message }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, records), PROJECT_NAME);
    expect([result.status, result.message]).toEqual([status, message]);
  });

  it('takes the organization’s other domains from the memberDomains parameter', () => {
    const records = readRecords(gcpAssetExport, [
      projectPolicyRecord([internal, grant('roles/viewer', 'group:partners@kansai.example.jp')]),
      folder(),
      org(),
    ]);
    const result = evaluate(check, records, PROJECT_NAME, { memberDomains: [DOMAIN, 'Kansai.Example.JP'] });
    expect([result.status, result.data]).toEqual(['PASS', { domains: [DOMAIN, 'kansai.example.jp'] }]);
  });

  it('names the external grants and cites the primary domain as evidence', () => {
    const records = readRecords(gcpAssetExport, [
      projectPolicyRecord([grant('roles/editor', 'user:taro@vendor.example.com')]),
      folder(),
      org(),
      organizationRecord(DOMAIN),
    ]);
    const result = evaluate(check, records, PROJECT_NAME);
    expect(result.data).toEqual({ grants: ['user:taro@vendor.example.com (roles/editor)'] });
    expect(result.evidence.at(-1)).toMatchObject({
      resourceId: ORG_NAME,
      path: 'resource.data.displayName',
      value: DOMAIN,
    });
  });
});
