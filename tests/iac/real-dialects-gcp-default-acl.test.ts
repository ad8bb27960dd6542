import { describe, expect, it } from 'vitest';
import { type Change, constant, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * The default ACL of a bucket's new objects (SOURCES.md, "The fifth sweep"): Cloud Asset
 * Inventory lists it as the bucket's `defaultObjectAcl`, which the export reader judges with
 * `acl`. The google provider writes it with `google_storage_default_object_acl` (`role_entity`),
 * `google_storage_default_object_access_control` (one `entity` and `role`; its docs' example is
 * `READER` for `allUsers`) and `google_storage_bucket_acl.default_acl` (a predefined ACL).
 */

const providers = { google: { project: constant('kansa-project') } };
const CHECK = 'gcp.storage.bucket-public-access';

const bucket = (name: string): Change => ({
  address: `google_storage_bucket.${name}`,
  after: {
    name,
    location: 'ASIA-NORTHEAST1',
    force_destroy: false,
    uniform_bucket_level_access: false,
    public_access_prevention: 'inherited',
    storage_class: 'STANDARD',
    labels: null,
  },
  afterUnknown: { id: true, self_link: true, url: true, project: true },
  expressions: { name: constant(name), location: constant('ASIA-NORTHEAST1') },
});
const onBucket = (name: string) => ({
  bucket: ref(`google_storage_bucket.${name}.name`, `google_storage_bucket.${name}`),
});

describe('default object ACLs of a bucket the plan creates', () => {
  const document = plan(
    [
      bucket('published'),
      {
        address: 'google_storage_default_object_access_control.public_rule',
        after: { bucket: 'published', entity: 'allUsers', role: 'READER', timeouts: null },
        afterUnknown: {
          domain: true,
          email: true,
          entity_id: true,
          generation: true,
          id: true,
          object: true,
          project_team: true,
        },
        expressions: { ...onBucket('published'), entity: constant('allUsers'), role: constant('READER') },
      },
      bucket('by_list'),
      {
        address: 'google_storage_default_object_acl.by_list',
        after: {
          bucket: 'by_list',
          role_entity: ['OWNER:project-owners-123456', 'READER:allAuthenticatedUsers'],
        },
        afterUnknown: { id: true },
        expressions: {
          ...onBucket('by_list'),
          role_entity: constant(['OWNER:project-owners-123456', 'READER:allAuthenticatedUsers']),
        },
      },
      bucket('predefined'),
      {
        address: 'google_storage_bucket_acl.predefined',
        after: {
          bucket: 'predefined',
          default_acl: 'publicRead',
          predefined_acl: null,
          role_entity: ['OWNER:project-owners-123456'],
        },
        afterUnknown: { id: true },
        expressions: {
          ...onBucket('predefined'),
          default_acl: constant('publicRead'),
          role_entity: constant(['OWNER:project-owners-123456']),
        },
      },
      bucket('private_objects'),
      {
        address: 'google_storage_default_object_acl.private_objects',
        after: {
          bucket: 'private_objects',
          role_entity: ['OWNER:project-owners-123456', 'READER:project-viewers-123456'],
        },
        afterUnknown: { id: true },
        expressions: {
          ...onBucket('private_objects'),
          role_entity: constant(['OWNER:project-owners-123456', 'READER:project-viewers-123456']),
        },
      },
    ],
    { terraformVersion: '1.9.8', providers },
  );

  it('fails a bucket whose new objects are readable by allUsers or any Google account', async () => {
    const scanned = await scanDocument(document);
    for (const name of ['published', 'by_list', 'predefined'])
      expect(findingOf(scanned, CHECK, `google_storage_bucket.${name}`).status).toBe('FAIL');
  });

  it('passes a bucket whose default object ACL names only the project', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, CHECK, 'google_storage_bucket.private_objects').status).toBe('PASS');
  });

  it('leaves a new bucket unknown while an ACL resource’s entries are known only after apply', async () => {
    const scanned = await scanDocument(
      plan(
        [
          bucket('pending'),
          {
            address: 'google_storage_default_object_acl.pending',
            after: { bucket: 'pending' },
            afterUnknown: { id: true, role_entity: true },
            expressions: { ...onBucket('pending'), role_entity: ref('var.readers') },
          },
        ],
        { providers },
      ),
    );
    expect(findingOf(scanned, CHECK, 'google_storage_bucket.pending').status).toBe('UNKNOWN');
  });

  it('judges a public default object ACL on a bucket the plan does not manage by itself', async () => {
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'google_storage_default_object_access_control.shared',
            after: { bucket: 'kansa-shared', entity: 'allUsers', role: 'READER', timeouts: null },
            afterUnknown: { domain: true, email: true, id: true },
            expressions: {
              bucket: constant('kansa-shared'),
              entity: constant('allUsers'),
              role: constant('READER'),
            },
          },
        ],
        { providers },
      ),
    );
    expect(findingOf(scanned, CHECK, 'google_storage_default_object_access_control.shared').status).toBe(
      'FAIL',
    );
  });
});
