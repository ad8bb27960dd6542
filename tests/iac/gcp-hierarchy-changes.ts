import { type Change, constant, type Json } from './dialect-plan.ts';

/**
 * Organization and folder IAM, and the folder or organization above a project, as the google
 * provider writes them (SOURCES.md): `google_folder` (`parent`; `name` `folders/<n>` and
 * `folder_id` known only after apply for a new folder), `google_folder_iam_*` naming the folder
 * by `folder` (`folders/<n>` or the bare number), `google_organization_iam_*` by `org_id`,
 * `google_project.folder_id` (a number or `folders/<n>`) and `org_id`, the one left out shown as
 * known only after apply (terraform-validator's `example_project.tfplan.json`).
 */

export const providers = { google: { project: constant('kansa-seed') } };
export const ORG = '615204883712';
export const FOLDER = '284593771034';
export const RM = '//cloudresourcemanager.googleapis.com';
export const OWNER_COUNT = 'gcp.iam.owner-count';
export const EXTERNAL = 'gcp.iam.external-principals';

export function project(name: string, id: string, parent: Json, expressions: Json = {}): Change {
  return {
    address: `google_project.${name}`,
    after: {
      auto_create_network: true,
      billing_account: null,
      labels: null,
      name: id,
      project_id: id,
      timeouts: null,
      ...parent,
    },
    afterUnknown: {
      id: true,
      number: true,
      ...('folder_id' in parent ? {} : { folder_id: true }),
      ...('org_id' in parent ? {} : { org_id: true }),
    },
    expressions: { project_id: constant(id), ...expressions },
  };
}

/** An IAM member or binding resource; `condition` is its `condition { expression, title }` block. */
export function iam(
  address: string,
  node: Json,
  role: string,
  members: string | string[],
  condition?: { expression: string; title: string },
): Change {
  const many = Array.isArray(members);
  const conditions = condition ? [{ description: null, ...condition }] : [];
  return {
    address,
    after: { condition: conditions, role, ...node, ...(many ? { members } : { member: members }) },
    afterUnknown: { etag: true, id: true, condition: conditions.map(() => ({})) },
  };
}

export function policy(address: string, node: Json, bindings: { role: string; members: string[] }[]): Change {
  return {
    address,
    after: { ...node, policy_data: JSON.stringify({ bindings }) },
    afterUnknown: { etag: true, id: true },
  };
}

/** A folder that exists (its number known), kept by the plan. */
export function existingFolder(name: string, parent: string): Change {
  const values = {
    display_name: name,
    parent,
    name: `folders/${FOLDER}`,
    folder_id: FOLDER,
    id: `folders/${FOLDER}`,
    lifecycle_state: 'ACTIVE',
    create_time: '2024-04-02T01:10:51.412Z',
    timeouts: null,
  };
  return { address: `google_folder.${name}`, actions: ['no-op'], before: values, after: values };
}

/** A folder the plan creates: its number (`name`, `folder_id`) known only after apply. */
export function newFolder(name: string, parent: Json): Change {
  const known = 'constant_value' in parent ? { parent: parent.constant_value } : {};
  return {
    address: `google_folder.${name}`,
    after: { display_name: name, timeouts: null, ...known },
    afterUnknown: {
      create_time: true,
      folder_id: true,
      id: true,
      lifecycle_state: true,
      name: true,
      ...('constant_value' in parent ? {} : { parent: true }),
    },
    expressions: { display_name: constant(name), parent },
  };
}
