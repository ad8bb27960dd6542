import { describe, expect, it } from 'vitest';
import { plan } from './dialect-plan.ts';
import { EXTERNAL, iam, ORG, OWNER_COUNT, project, providers, RM } from './gcp-hierarchy-changes.ts';
import { findingOf, scanDocument } from './helpers.ts';

const EXPIRED = {
  expression: 'request.time < timestamp("2021-06-30T00:00:00Z")',
  title: 'until-2021-06-30',
};
const FUTURE = { expression: 'request.time < timestamp("2099-01-01T00:00:00Z")', title: 'until-2099' };
const PROJECT = 'acme-app-prod';

/** Four Project IAM Admins granted by `google_project_iam_member`, some under a condition. */
function iamAdmins(conditions: ({ expression: string; title: string } | undefined)[]) {
  return plan(
    [
      project('app', PROJECT, { org_id: ORG }),
      ...conditions.map((condition, i) =>
        iam(
          `google_project_iam_member.admin_${i}`,
          { project: PROJECT },
          'roles/resourcemanager.projectIamAdmin',
          `user:admin${i}@acme.example`,
          condition,
        ),
      ),
    ],
    { providers },
  );
}

/** The `condition { expression, title }` block of an IAM member or binding resource in a plan. */
describe('IAM Conditions of Terraform IAM resources', () => {
  it('leaves out a project grant whose condition has expired', async () => {
    const scanned = await scanDocument(iamAdmins([undefined, undefined, EXPIRED, EXPIRED]));
    const finding = findingOf(scanned, OWNER_COUNT, `${RM}/projects/${PROJECT}`);
    // Two grants hold; the project's other grants are not in the plan.
    expect(finding.status).toBe('UNKNOWN');
  });

  it('counts a grant whose condition ends in the future', async () => {
    const scanned = await scanDocument(iamAdmins([undefined, undefined, FUTURE, FUTURE]));
    const finding = findingOf(scanned, OWNER_COUNT, `${RM}/projects/${PROJECT}`);
    expect(finding.status).toBe('FAIL');
    expect(finding.message.en).toContain('4 principals');
  });

  it('leaves out an organization grant to an external account whose condition has expired', async () => {
    const scanned = await scanDocument(
      plan(
        [
          project('app', PROJECT, { org_id: ORG }),
          iam(
            'google_organization_iam_member.contractor',
            { org_id: ORG },
            'roles/iam.securityReviewer',
            'user:contractor@gmail.com',
            EXPIRED,
          ),
        ],
        { providers },
      ),
    );
    const finding = findingOf(scanned, EXTERNAL, `${RM}/projects/${PROJECT}`);
    expect(finding.status).toBe('UNKNOWN');
    expect(JSON.stringify(finding.evidence)).toContain('2021-06-30');
  });

  it('counts an external grant whose condition it does not read', async () => {
    const scanned = await scanDocument(
      plan(
        [
          project('app', PROJECT, { org_id: ORG }),
          iam(
            'google_project_iam_member.contractor',
            { project: PROJECT },
            'roles/viewer',
            'user:contractor@gmail.com',
            {
              expression: 'resource.name.startsWith("projects/_/buckets/acme-shared")',
              title: 'shared-buckets-only',
            },
          ),
        ],
        { providers },
      ),
    );
    expect(findingOf(scanned, EXTERNAL, `${RM}/projects/${PROJECT}`).status).toBe('FAIL');
  });
});
