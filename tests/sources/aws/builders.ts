/**
 * Builders of AWS export records in their real shapes, for the source and check tests.
 * Field names and nesting follow what AWS Config and IAM write; values are made up.
 */

export const ACCOUNT = '111122223333';
export const REGION = 'ap-northeast-1';
export const OWNER = {
  displayName: null,
  id: '7d2f0c5be1a34c4f9b1e0a8c6f4d2e19b3a7c5d1e9f0a2b4c6d8e0f1a3b5c7d9',
};

type Json = Record<string, unknown>;

/** A configuration item in the snapshot / event dialect (S3 delivery). */
export function snapshotItem(
  resourceType: string,
  resourceId: string,
  configuration: Json | null,
  options: {
    arn?: string;
    region?: string;
    name?: string;
    supplementary?: Json;
    tags?: Record<string, string>;
    status?: string;
    captured?: string;
  } = {},
): Json {
  return {
    relatedEvents: [],
    relationships: [],
    configuration,
    supplementaryConfiguration: options.supplementary ?? {},
    tags: options.tags ?? {},
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: options.captured ?? '2026-11-01T00:00:00.000Z',
    configurationStateId: 1761955200000,
    awsAccountId: ACCOUNT,
    configurationItemStatus: options.status ?? 'OK',
    resourceType,
    resourceId,
    resourceName: options.name ?? resourceId,
    ...(options.arn ? { ARN: options.arn } : {}),
    awsRegion: options.region ?? REGION,
    availabilityZone: 'Regional',
    configurationStateMd5Hash: '',
    resourceCreationTime: '2024-04-01T02:00:00.000Z',
  };
}

/** The same item in the API dialect: configuration and each supplementary value as JSON strings. */
export function apiItem(snapshot: Json): Json {
  const { ARN, awsAccountId, configurationItemVersion, configuration, supplementaryConfiguration, ...rest } =
    snapshot;
  return {
    ...rest,
    version: configurationItemVersion,
    accountId: awsAccountId,
    ...(ARN ? { arn: ARN } : {}),
    configuration: JSON.stringify(configuration),
    supplementaryConfiguration: Object.fromEntries(
      Object.entries(supplementaryConfiguration as Json).map(([key, value]) => [key, JSON.stringify(value)]),
    ),
  };
}

export function snapshotDocument(items: readonly Json[]): Json {
  return {
    fileVersion: '1.0',
    configSnapshotId: '3f6d1c2e-8a4b-4c7d-9e2f-1a3b5c7d9e0f',
    configurationItems: items,
  };
}

/**
 * `aws configservice select-resource-config` output: each row a JSON string. QueryInfo names
 * `fields`, by default what the rows hold, each property of `configuration` and
 * `supplementaryConfiguration` on its own (`SELECT configuration.engine, …`): a row carries
 * none of them whole, so what it lacks there is unknown.
 */
export function selectDocument(rows: readonly Json[], fields = selectedIn(rows)): Json {
  return {
    Results: rows.map((row) => JSON.stringify(row)),
    QueryInfo: { SelectFields: fields.map((Name) => ({ Name })) },
  };
}

function selectedIn(rows: readonly Json[]): string[] {
  const names = rows.flatMap((row) =>
    Object.entries(row).flatMap(([key, value]) =>
      value === undefined
        ? []
        : (key === 'configuration' || key === 'supplementaryConfiguration') &&
            typeof value === 'object' &&
            value !== null
          ? Object.keys(value).map((property) => `${key}.${property}`)
          : [key],
    ),
  );
  return [...new Set(names)];
}

export const bucketArn = (name: string) => `arn:aws:s3:::${name}`;
export const keyArn = (id: string, region = REGION) => `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`;
export const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;

/** Block Public Access flags, in the order the API lists them. */
export function publicAccessBlock(
  blockPublicAcls: boolean,
  ignorePublicAcls: boolean,
  blockPublicPolicy: boolean,
  restrictPublicBuckets: boolean,
): Json {
  return { blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets };
}

/** The S3 `AccessControlList` supplementary value: a JSON string. */
export function accessControlList(...grants: Json[]): string {
  return JSON.stringify({
    grantSet: null,
    grantList: [{ grantee: OWNER, permission: 'FullControl' }, ...grants],
    owner: OWNER,
    isRequesterCharged: false,
  });
}

export function bucketPolicy(...statements: Json[]): Json {
  return {
    policyText: statements.length ? JSON.stringify({ Version: '2012-10-17', Statement: statements }) : null,
  };
}

export function defaultEncryption(sseAlgorithm: string, kmsMasterKeyID: string | null = null): Json {
  return {
    rules: [
      {
        applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyID },
        bucketKeyEnabled: sseAlgorithm !== 'AES256',
      },
    ],
  };
}

export function bucketItem(
  name: string,
  supplementary: Json,
  tags: Record<string, string> = {},
  /** configurationItemCaptureTime, for records from an older snapshot or history. */
  captured?: string,
): Json {
  return snapshotItem(
    'AWS::S3::Bucket',
    name,
    { name, owner: OWNER, creationDate: '2024-04-01T02:00:00.000Z' },
    {
      arn: bucketArn(name),
      supplementary: { IsRequesterPaysEnabled: false, ...supplementary },
      tags,
      ...(captured ? { captured } : {}),
    },
  );
}

export function accountPublicAccessBlockItem(flags: Json): Json {
  return snapshotItem('AWS::S3::AccountPublicAccessBlock', ACCOUNT, flags);
}

export function kmsKeyItem(id: string, configuration: Json, supplementary: Json = {}): Json {
  return snapshotItem(
    'AWS::KMS::Key',
    id,
    {
      keyId: id,
      arn: keyArn(id),
      enabled: true,
      keyUsage: 'ENCRYPT_DECRYPT',
      keyState: 'Enabled',
      origin: 'AWS_KMS',
      keyManager: 'CUSTOMER',
      keySpec: 'SYMMETRIC_DEFAULT',
      ...configuration,
    },
    { arn: keyArn(id), supplementary },
  );
}

export function iamUserItem(name: string, configuration: Json = {}): Json {
  return snapshotItem(
    'AWS::IAM::User',
    `AIDA${name.toUpperCase().replace(/[^A-Z]/g, '')}`,
    {
      path: '/',
      userName: name,
      arn: userArn(name),
      userPolicyList: [],
      groupList: [],
      attachedManagedPolicies: [],
      ...configuration,
    },
    { arn: userArn(name), region: 'global', name },
  );
}

export function iamGroupItem(name: string, configuration: Json = {}): Json {
  const arn = `arn:aws:iam::${ACCOUNT}:group/${name}`;
  return snapshotItem(
    'AWS::IAM::Group',
    `AGPA${name.toUpperCase().replace(/[^A-Z]/g, '')}`,
    { path: '/', groupName: name, arn, groupPolicyList: [], attachedManagedPolicies: [], ...configuration },
    { arn, region: 'global', name },
  );
}

export const ADMINISTRATOR_ACCESS = {
  policyName: 'AdministratorAccess',
  policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
};

/**
 * A customer managed policy as Config records it (AWS::IAM::Policy): every version in
 * `policyVersionList`, each document URL-encoded, the default one flagged `isDefaultVersion`.
 */
export function iamPolicyItem(name: string, versions: { statement: Json; isDefault: boolean }[]): Json {
  const arn = `arn:aws:iam::${ACCOUNT}:policy/${name}`;
  const defaultVersion = versions.findIndex((version) => version.isDefault) + 1;
  return snapshotItem(
    'AWS::IAM::Policy',
    `ANPA${name.toUpperCase().replace(/[^A-Z]/g, '')}`,
    {
      policyName: name,
      policyId: `ANPA${name.toUpperCase().replace(/[^A-Z]/g, '')}`,
      arn,
      path: '/',
      defaultVersionId: `v${defaultVersion}`,
      attachmentCount: 1,
      permissionsBoundaryUsageCount: 0,
      isAttachable: true,
      policyVersionList: versions.map((version, index) => ({
        document: encodeURIComponent(
          JSON.stringify({ Version: '2012-10-17', Statement: [version.statement] }, null, 2),
        ),
        versionId: `v${index + 1}`,
        isDefaultVersion: version.isDefault,
        createDate: '2025-04-01T00:00:00.000Z',
      })),
    },
    { arn, region: 'global', name },
  );
}

/** An inline policy as Config writes it: the document URL-encoded. */
export function inlinePolicy(policyName: string, statement: Json): Json {
  return {
    policyName,
    policyDocument: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [statement] })),
  };
}

export const CREDENTIAL_REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

/** One credential-report row; `passwordEnabled` is `not_supported` for the root row. */
export function credentialRow(
  user: string,
  arn: string,
  passwordEnabled: string,
  mfaActive: string,
  key1Active = 'false',
  key2Active = 'false',
): string {
  const key = (active: string) =>
    active === 'true'
      ? [active, '2026-09-01T00:00:00+00:00', '2026-10-31T23:00:00+00:00', 'ap-northeast-1', 's3']
      : [active, 'N/A', 'N/A', 'N/A', 'N/A'];
  const root = passwordEnabled === 'not_supported';
  return [
    user,
    arn,
    '2024-04-01T02:00:00+00:00',
    passwordEnabled,
    passwordEnabled === 'false' ? 'N/A' : '2026-10-31T08:12:00+00:00',
    root ? 'not_supported' : passwordEnabled === 'true' ? '2026-06-01T00:00:00+00:00' : 'N/A',
    root ? 'not_supported' : 'N/A',
    mfaActive,
    ...key(key1Active),
    ...key(key2Active),
    'false',
    'N/A',
    'false',
    'N/A',
  ].join(',');
}

export function credentialReport(...rows: string[]): string {
  return `${[CREDENTIAL_REPORT_HEADER, ...rows].join('\n')}\n`;
}

export const rootRow = (mfaActive: string, key1Active = 'false') =>
  credentialRow('<root_account>', `arn:aws:iam::${ACCOUNT}:root`, 'not_supported', mfaActive, key1Active);

/**
 * The policy part of `aws iam get-account-password-policy` output: what CIS AWS Foundations asks
 * (14 characters, the four character classes, 24 passwords remembered), with `changes` laid
 * over it; a change to `undefined` leaves the field out, as IAM does for settings not set.
 */
export function passwordPolicy(changes: Json = {}): Json {
  const policy: Json = {
    MinimumPasswordLength: 14,
    RequireSymbols: true,
    RequireNumbers: true,
    RequireUppercaseCharacters: true,
    RequireLowercaseCharacters: true,
    AllowUsersToChangePassword: true,
    ExpirePasswords: false,
    PasswordReusePrevention: 24,
    ...changes,
  };
  return Object.fromEntries(Object.entries(policy).filter(([, value]) => value !== undefined));
}

/** What the CLI writes (to stderr) when the account has no password policy. */
export function noPasswordPolicyError(account = ACCOUNT): string {
  return `\nAn error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: The Password Policy with domain name ${account} cannot be found.\n`;
}

/** A Steampipe `aws_iam_account_password_policy` row (snake_case columns; null where not set). */
export function steampipePasswordPolicyRow(changes: Json = {}, account = ACCOUNT): Json {
  return {
    allow_users_to_change_password: true,
    expire_passwords: false,
    hard_expiry: null,
    max_password_age: null,
    minimum_password_length: 14,
    password_reuse_prevention: 24,
    require_lowercase_characters: true,
    require_numbers: true,
    require_symbols: true,
    require_uppercase_characters: true,
    partition: 'aws',
    region: 'global',
    account_id: account,
    ...changes,
  };
}
