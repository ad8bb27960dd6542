import { describe, expect, it } from 'vitest';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { gcpRestResources } from '../../../src/sources/gcp/rest-resources.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readRecords } from '../../helpers/checks.ts';
import { ORG, ORG_NAME, resourceRecord } from './records.ts';

// Custom roles as `gcloud iam roles describe --organization=<o> <role> --format=json` prints
// them (the IAM REST Role), and as `gcloud asset export --asset-types=iam.googleapis.com/Role`
// writes them (the same JSON under resource.data).
const described = {
  description: 'Delegated IAM administration',
  etag: 'BwYh3kPq9xM=',
  includedPermissions: [
    'resourcemanager.folders.setIamPolicy',
    'resourcemanager.projects.get',
    'resourcemanager.projects.getIamPolicy',
  ],
  name: `${ORG}/roles/iamDelegate`,
  stage: 'GA',
  title: 'IAM Delegate',
};

describe('custom roles (iam.googleapis.com/Role)', () => {
  it('reads gcloud iam roles describe as the role, with the policy writes it includes', () => {
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(described))?.id).toBe(
      'gcp-rest-resources',
    );
    const [role] = readRecords(gcpRestResources, [described]);
    expect(role).toMatchObject({
      id: `//iam.googleapis.com/${ORG}/roles/iamDelegate`,
      account: ORG,
      kansaType: 'iam.role',
      facts: {
        escalationPermissions: {
          source: 'explicit',
          value: ['resourcemanager.folders.setIamPolicy'],
          path: 'resource.includedPermissions',
        },
      },
    });
  });

  it.each([
    ['a deleted role grants nothing', { deleted: true }, { source: 'explicit', value: [] }],
    ['a disabled role grants nothing', { stage: 'DISABLED' }, { source: 'explicit', value: [] }],
    [
      'permissions not a list are unknown',
      { includedPermissions: 'resourcemanager.projects.setIamPolicy' },
      { source: 'unknown' },
    ],
    ['a role without its permissions is unknown', { includedPermissions: undefined }, { source: 'unknown' }],
  ])('from a Cloud Asset line: %s', (_what, change, fact) => {
    const record = resourceRecord(
      `//iam.googleapis.com/${ORG}/roles/iamDelegate`,
      'iam.googleapis.com/Role',
      {
        ...described,
        includedPermissions: ['resourcemanager.projects.setIamPolicy'],
        ...change,
      },
    );
    const [role] = readRecords(gcpAssetExport, [
      { ...record, resource: { ...record.resource, parent: ORG_NAME } },
    ]);
    expect(role?.facts).toMatchObject({ escalationPermissions: fact });
  });
});
