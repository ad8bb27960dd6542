/**
 * Plans in the dialects public plans are written in, built inline for the tests of
 * `real-dialects*.test.ts` (see SOURCES.md, "Dialects of public plans").
 */

export type Json = Record<string, unknown>;

export interface Change {
  readonly address: string;
  /** Null for a deletion. */
  readonly after: Json | null;
  readonly afterUnknown?: Json;
  /** `after_sensitive`: `{}` when absent. */
  readonly afterSensitive?: Json;
  /** The resource block's `expressions` in `configuration`. */
  readonly expressions?: Json;
  readonly actions?: string[];
  readonly before?: Json | null;
  /** The provider's local name, when not the type's prefix (`google-beta`). */
  readonly provider?: string;
}

export interface PlanOptions {
  readonly formatVersion?: string;
  readonly terraformVersion?: string;
  /** Terraform 0.12 wrote `provider_name` as the bare local name (`aws`). */
  readonly bareProviderNames?: boolean;
  readonly providers?: Record<string, Json>;
  /** The root module's variables with the values the plan was made with (`variables`). */
  readonly variables?: Json;
}

/** A plan of root-module resources, as `terraform show -json` writes one. */
export function plan(changes: Change[], options: PlanOptions = {}): Json {
  const providerOf = (type: string) => type.split('_')[0] ?? type;
  const providerName = (type: string) =>
    options.bareProviderNames ? providerOf(type) : `registry.terraform.io/hashicorp/${providerOf(type)}`;
  const identity = (address: string, provider?: string) => {
    const [type, name] = address.split('.') as [string, string];
    return { address, mode: 'managed', type, name, provider_name: providerName(provider ?? type) };
  };
  return {
    format_version: options.formatVersion ?? '1.2',
    terraform_version: options.terraformVersion ?? '1.9.8',
    ...(options.variables && {
      variables: Object.fromEntries(
        Object.entries(options.variables).map(([name, value]) => [name, { value }]),
      ),
    }),
    planned_values: {
      root_module: {
        resources: changes
          .filter((c) => c.after !== null)
          .map((c) => ({ ...identity(c.address, c.provider), schema_version: 0, values: c.after })),
      },
    },
    resource_changes: changes.map((c) => ({
      ...identity(c.address, c.provider),
      change: {
        actions: c.actions ?? ['create'],
        before: c.before ?? null,
        after: c.after,
        after_unknown: c.afterUnknown ?? {},
        ...(options.formatVersion === '0.1'
          ? {}
          : {
              before_sensitive: c.before ? {} : false,
              after_sensitive: c.after ? (c.afterSensitive ?? {}) : false,
            }),
      },
    })),
    configuration: {
      provider_config: Object.fromEntries(
        Object.entries(options.providers ?? { aws: { region: constant('us-west-2') } }).map(
          ([name, expressions]) => [name, { name, expressions }],
        ),
      ),
      root_module: {
        resources: changes.map((c) => {
          const { provider_name: _, ...rest } = identity(c.address);
          return {
            ...rest,
            provider_config_key: c.provider ?? providerOf(rest.type),
            expressions: c.expressions ?? {},
            schema_version: 0,
          };
        }),
      },
    },
  };
}

/** An `aws_iam_account_password_policy` that meets the CIS defaults the Osaka framework asks. */
export const STRICT_PASSWORD_POLICY = {
  allow_users_to_change_password: true,
  minimum_password_length: 14,
  require_lowercase_characters: true,
  require_numbers: true,
  require_symbols: true,
  require_uppercase_characters: true,
  password_reuse_prevention: 24,
  hard_expiry: false,
  max_password_age: 0,
};

/** An inline ingress rule of `aws_security_group` (and the default group), as provider v4/v5 plans spell one. */
export const awsIngressRule = (port: number, cidr: string): Json => ({
  cidr_blocks: [cidr],
  description: '',
  from_port: port,
  to_port: port,
  ipv6_cidr_blocks: [],
  prefix_list_ids: [],
  protocol: 'tcp',
  security_groups: [],
  self: false,
});

export const ref = (...references: string[]) => ({ references });
export const constant = (value: unknown) => ({ constant_value: value });

/** A new aws_s3_bucket of provider v3, whose computed attributes a plan shows as unknown. */
export function bucketV3(name: string, after: Json, afterUnknown: Json = {}): Change {
  return {
    address: `aws_s3_bucket.${name}`,
    after: {
      bucket: name,
      force_destroy: false,
      cors_rule: [],
      grant: [],
      lifecycle_rule: [],
      logging: [],
      replication_configuration: [],
      server_side_encryption_configuration: [],
      website: [],
      tags: null,
      ...after,
    },
    afterUnknown: { arn: true, id: true, region: true, versioning: true, ...afterUnknown },
    expressions: { bucket: constant(name) },
  };
}

/**
 * A new `google_project_iam_member`, as GoogleCloudPlatform/terraform-validator
 * `testdata/templates/example_folder_iam_member.tfplan.json` plans its folder form (format 1.0,
 * Terraform 1.1.9: `condition: []`, `etag` and `id` known after apply). A member known only
 * after apply (a service account the plan creates) is given as null.
 */
export function projectIamMember(name: string, role: string, member: string | null, project: string): Change {
  return {
    address: `google_project_iam_member.${name}`,
    after: { condition: [], member, role, project },
    afterUnknown: { condition: [], etag: true, id: true, ...(member === null && { member: true }) },
    expressions: {
      project: constant(project),
      role: constant(role),
      member:
        member === null
          ? ref('google_service_account.app.email', 'google_service_account.app')
          : constant(member),
    },
  };
}
