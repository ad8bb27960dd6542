import { describe, expect, it } from 'vitest';
import ownerCount from '../../../src/checks/gcp/iam/owner-count.ts';
import { gcpIamPolicy } from '../../../src/sources/gcp/iam-policies.ts';
import { gcpProjectAncestors } from '../../../src/sources/gcp/project-ancestors.ts';
import { gcpRestResources } from '../../../src/sources/gcp/rest-resources.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { evaluate } from '../../helpers/checks.ts';

// `gcloud projects get-ancestors city-prod --format=json`: the project, then each node above it.
const ancestors = [
  { id: 'city-prod', type: 'project' },
  { id: '345678901234', type: 'folder' },
  { id: '567890123456', type: 'organization' },
];
// The Resource Manager v1 answer gcloud prints it from.
const getAncestry = { ancestor: ancestors.map((resourceId) => ({ resourceId })) };

const read = (file: string, document: unknown, format = gcpIamPolicy) => [
  ...format.read(document, { file, skip: () => undefined }),
];
const policy = (owners: string[]) => ({
  bindings: [{ members: owners, role: 'roles/owner' }],
  etag: 'BwX=',
  version: 1,
});

describe('gcp-project-ancestors', () => {
  it.each([
    ['gcloud projects get-ancestors', ancestors],
    ['projects.getAncestry', getAncestry],
  ])('is chosen for %s, and gives the project its folders and organization', (_what, document) => {
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id).toBe(
      'gcp-project-ancestors',
    );
    const [project] = read('ancestors.json', document, gcpProjectAncestors);
    expect(project).toMatchObject({ provider: 'gcp', kansaType: 'account', account: 'city-prod' });
    expect(project?.facts).toMatchObject({
      ancestors: {
        source: 'explicit',
        value: [
          '//cloudresourcemanager.googleapis.com/folders/345678901234',
          '//cloudresourcemanager.googleapis.com/organizations/567890123456',
        ],
      },
    });
  });

  it('takes no other list of ids and types', () => {
    const matches = (document: unknown) => gcpProjectAncestors.matches(document);
    expect(matches([{ id: '345678901234', type: 'folder' }])).toBe(false);
    expect(matches([{ id: 'city-prod', type: 'project', name: 'x' }])).toBe(false);
    expect(
      matches([
        { id: 'a', type: 'project' },
        { id: 'b', type: 'project' },
      ]),
    ).toBe(false);
    expect(matches([])).toBe(false);
  });

  it('lets a project policy be judged with what it inherits: owners counted up the chain, UNKNOWN while a policy above is missing', () => {
    const project = read(
      'projects-city-prod-iam-policy.json',
      policy(['user:a@city.example.lg.jp', 'user:b@city.example.lg.jp']),
    );
    const chain = read('get-ancestors.json', ancestors, gcpProjectAncestors);
    const organization = read('organizations-567890123456-iam-policy.json', policy([]));
    const folder = read(
      'folders-345678901234-iam-policy.json',
      policy(['user:c@city.example.lg.jp', 'user:d@city.example.lg.jp']),
    );
    const id = project[0]!.id;
    expect(evaluate(ownerCount, [...project, ...chain, ...organization], id).status).toBe('UNKNOWN');
    expect(evaluate(ownerCount, [...project, ...chain, ...organization, ...folder], id)).toMatchObject({
      status: 'FAIL',
      message: 'tooMany',
    });
    // Without the chain, the project's place is unknown whatever else is exported.
    expect(evaluate(ownerCount, [...project, ...organization, ...folder], id).status).toBe('UNKNOWN');
  });
});

describe('gcloud organizations list / resource-manager folders list', () => {
  it('reads the organization, whose display name is its domain, and a folder with the node above it', () => {
    const organization = {
      creationTime: '2020-04-01T02:03:04.123Z',
      displayName: 'city.example.lg.jp',
      lifecycleState: 'ACTIVE',
      name: 'organizations/567890123456',
      owner: { directoryCustomerId: 'C0abcdefg' },
    };
    const folder = {
      displayName: 'juki',
      lifecycleState: 'ACTIVE',
      name: 'folders/345678901234',
      parent: 'organizations/567890123456',
    };
    const formatOf = (document: unknown) =>
      INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id;
    expect(formatOf([organization])).toBe('gcp-rest-resources');
    expect(formatOf([folder])).toBe('gcp-rest-resources');
    const [org] = read('organizations-list.json', [organization], gcpRestResources);
    expect(org).toMatchObject({ id: '//cloudresourcemanager.googleapis.com/organizations/567890123456' });
    expect(org?.facts).toMatchObject({ primaryDomain: { source: 'explicit', value: 'city.example.lg.jp' } });
    const [node] = read('folders-list.json', [folder], gcpRestResources);
    expect(node).toMatchObject({ id: '//cloudresourcemanager.googleapis.com/folders/345678901234' });
    expect(node?.facts).toMatchObject({
      ancestors: { value: ['//cloudresourcemanager.googleapis.com/organizations/567890123456'] },
    });
  });
});
