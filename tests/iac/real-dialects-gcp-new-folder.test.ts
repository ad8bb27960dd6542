import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import {
  EXTERNAL,
  iam,
  newFolder,
  ORG,
  OWNER_COUNT,
  policy,
  project,
  providers,
  RM,
} from './gcp-hierarchy-changes.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * A project under a folder the plan creates: its `folder_id` (or the folder's `parent`) known
 * only after apply, and the configuration's reference to the folder (terraform-validator's
 * `example_folder_iam_member.tfplan.json`, SOURCES.md) followed to it.
 */
describe('a folder the plan creates above a project', () => {
  it('places a project under the folder the plan creates, and that folder under its parent', async () => {
    const scanned = await scanDocument(
      plan(
        [
          newFolder('sandbox', constant(`organizations/${ORG}`)),
          {
            ...project('sandbox', 'acme-sandbox', {}),
            expressions: { folder_id: ref('google_folder.sandbox.name', 'google_folder.sandbox') },
          },
          {
            ...iam('google_folder_iam_binding.sandbox_owners', {}, 'roles/owner', [
              'user:a@acme.example',
              'user:b@acme.example',
              'user:c@acme.example',
              'user:d@acme.example',
            ]),
            afterUnknown: { etag: true, id: true, folder: true, condition: [] },
            expressions: { folder: ref('google_folder.sandbox.name', 'google_folder.sandbox') },
          },
          policy('google_project_iam_policy.sandbox', { project: 'acme-sandbox' }, [
            { role: 'roles/owner', members: ['user:a@acme.example'] },
          ]),
        ],
        { providers },
      ),
    );
    // The folder's four owners are the project's too, whatever else its policy holds.
    const finding = findingOf(scanned, OWNER_COUNT, `${RM}/projects/acme-sandbox`);
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('google_project.sandbox.folder_id');
    expect(JSON.stringify(finding.evidence)).toContain('google_folder_iam_binding.sandbox_owners');
    expect(resourceOf(scanned, 'google_folder.sandbox').nativeType).toBe(
      'cloudresourcemanager.googleapis.com/Folder',
    );
  });

  it('fails a project under a new folder when the organization above grants a consumer account', async () => {
    const scanned = await scanDocument(
      plan(
        [
          newFolder('teams', constant(`organizations/${ORG}`)),
          newFolder('team', ref('google_folder.teams.id', 'google_folder.teams')),
          {
            ...project('app', 'acme-team-app', {}),
            expressions: { folder_id: ref('google_folder.team.folder_id', 'google_folder.team') },
          },
          iam(
            'google_organization_iam_member.contractor',
            { org_id: ORG },
            'roles/viewer',
            'user:contractor@gmail.com',
          ),
        ],
        { providers },
      ),
    );
    const finding = findingOf(scanned, EXTERNAL, `${RM}/projects/acme-team-app`);
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('google_organization_iam_member.contractor');
  });

  it('stays unknown when folder_id is a variable or a folder’s few owners leave its own policy open', async () => {
    const changes = (folderId: Json): Change[] => [
      newFolder('sandbox', constant(`organizations/${ORG}`)),
      { ...project('sandbox', 'acme-sandbox', {}), expressions: { folder_id: folderId } },
      {
        ...iam('google_folder_iam_member.sandbox_owner', {}, 'roles/owner', 'user:a@acme.example'),
        afterUnknown: { etag: true, id: true, folder: true, condition: [] },
        expressions: { folder: ref('google_folder.sandbox.name', 'google_folder.sandbox') },
      },
      iam(
        'google_organization_iam_member.contractor',
        { org_id: ORG },
        'roles/viewer',
        'user:contractor@gmail.com',
      ),
      policy('google_project_iam_policy.sandbox', { project: 'acme-sandbox' }, [
        { role: 'roles/owner', members: ['user:a@acme.example'] },
      ]),
    ];
    const variable = await scanDocument(plan(changes(ref('var.folder_id')), { providers }));
    expect(findingOf(variable, EXTERNAL, `${RM}/projects/acme-sandbox`).status).toBe('UNKNOWN');
    const placed = await scanDocument(
      plan(changes(ref('google_folder.sandbox.name', 'google_folder.sandbox')), { providers }),
    );
    expect(findingOf(placed, EXTERNAL, `${RM}/projects/acme-sandbox`).status).toBe('FAIL');
    // One owner granted on the folder, and its policy may hold more: as many as the limit allows.
    expect(findingOf(placed, OWNER_COUNT, `${RM}/projects/acme-sandbox`).status).toBe('UNKNOWN');
  });

  it('counts who may rewrite the new folder’s policy, as on a folder an export names', async () => {
    const scanned = await scanDocument(
      plan(
        [
          newFolder('sandbox', constant(`organizations/${ORG}`)),
          {
            ...project('sandbox', 'acme-sandbox', {}),
            expressions: { folder_id: ref('google_folder.sandbox.name', 'google_folder.sandbox') },
          },
          {
            // Folder IAM Admin may grant itself roles/owner on the folder, and so on the project.
            ...iam(
              'google_folder_iam_binding.sandbox_iam_admins',
              {},
              'roles/resourcemanager.folderIamAdmin',
              ['user:a@acme.example', 'user:b@acme.example', 'user:c@acme.example'],
            ),
            afterUnknown: { etag: true, id: true, folder: true, condition: [] },
            expressions: { folder: ref('google_folder.sandbox.name', 'google_folder.sandbox') },
          },
          policy('google_project_iam_policy.sandbox', { project: 'acme-sandbox' }, [
            { role: 'roles/owner', members: ['user:d@acme.example'] },
          ]),
        ],
        { providers },
      ),
    );
    const finding = findingOf(scanned, OWNER_COUNT, `${RM}/projects/acme-sandbox`);
    expect(finding.status).toBe('FAIL');
    expect(finding.message.en).toContain('4 principals');
  });

  it('follows a folder_id through a module output to the folder the module creates', async () => {
    const document = plan(
      [
        { ...project('app', 'acme-app', {}), expressions: { folder_id: ref('module.folders.team_name') } },
        iam(
          'google_organization_iam_member.contractor',
          { org_id: ORG },
          'roles/viewer',
          'user:contractor@gmail.com',
        ),
      ],
      { providers },
    );
    const folder = newFolder('team', constant(`organizations/${ORG}`));
    const address = 'module.folders.google_folder.team';
    const identity = {
      address,
      module_address: 'module.folders',
      mode: 'managed',
      type: 'google_folder',
      name: 'team',
      provider_name: 'registry.terraform.io/hashicorp/google',
    };
    const planned = document.planned_values as { root_module: Json };
    planned.root_module.child_modules = [
      { address: 'module.folders', resources: [{ ...identity, schema_version: 0, values: folder.after }] },
    ];
    (document.resource_changes as Json[]).push({
      ...identity,
      change: { actions: ['create'], before: null, after: folder.after, after_unknown: folder.afterUnknown },
    });
    const configuration = document.configuration as { root_module: Json };
    configuration.root_module.module_calls = {
      folders: {
        source: './folders',
        module: {
          outputs: {
            team_name: { expression: ref('google_folder.team.name', 'google_folder.team') },
          },
          resources: [
            {
              address: 'google_folder.team',
              mode: 'managed',
              type: 'google_folder',
              name: 'team',
              provider_config_key: 'folders:google',
              expressions: folder.expressions,
              schema_version: 0,
            },
          ],
        },
      },
    };
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, EXTERNAL, `${RM}/projects/acme-app`);
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('google_project.app.folder_id');
  });
});
