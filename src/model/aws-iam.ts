import type { Fact } from './fact.ts';

/**
 * Facts of AWS IAM users, roles, groups and managed policies (see aws.ts, which exports them
 * with the other AWS facts).
 */

/** One access key of an IAM user: the credential report's `access_key_<slot>_*` columns, or a row of its own. */
export interface AwsAccessKey {
  /** The report's slot (ScoutSuite's keys numbered as the report would); absent for a key of a row of its own. */
  readonly slot?: 1 | 2;
  /** Where a key of a row of its own holds its times (CloudQuery's `aws_iam_user_access_keys.create_date`). */
  readonly columns?: { readonly lastRotated: string; readonly lastUsed: string };
  /** `access_key_<slot>_last_rotated`: when the key was created or last rotated (ISO 8601). */
  readonly lastRotated: string;
  /**
   * `access_key_<slot>_last_used_date` (ISO 8601); null when the key was never used (`N/A`);
   * absent when the export does not tell (ListAccessKeys' key metadata).
   */
  readonly lastUsed?: string | null;
}

/** An access key a Terraform plan or state manages: its address, and when it was created. */
export interface AwsManagedAccessKey {
  /** `aws_iam_access_key.ci` (the key id is a credential's name: not shown). */
  readonly address: string;
  /** `create_date` (ISO 8601): a key is never rotated in place, so its creation is its last rotation. */
  readonly created: string;
}

/** AWS::IAM::User (Config item) merged with its credential-report row. */
export interface AwsIamUserFacts {
  /** Console password set (`password_enabled`; ScoutSuite's `LoginProfile`). */
  readonly passwordEnabled?: Fact<boolean>;
  /** An MFA device is assigned (`mfa_active`); the credential report only. */
  readonly mfaActive?: Fact<boolean>;
  /** Managed policies attached to the user itself (`configuration.attachedManagedPolicies[].policyArn`). */
  readonly attachedPolicyArns?: Fact<readonly string[]>;
  /** Inline policies that allow every action on every resource (`configuration.userPolicyList`). */
  readonly fullAdminInlinePolicies?: Fact<readonly string[]>;
  /** See AwsIamPrincipalFacts.denyAllInlinePolicies. */
  readonly denyAllInlinePolicies?: Fact<readonly string[]>;
  /** See AwsIamPrincipalFacts.escalationInlineStatements. */
  readonly escalationInlineStatements?: Fact<readonly string[]>;
  /** See AwsIamPrincipalFacts.escalationGrants. */
  readonly escalationGrants?: Fact<readonly AwsEscalationGrant[]>;
  /** Group names (`configuration.groupList`); the groups' policies are on their own items. */
  readonly groups?: Fact<readonly string[]>;
  /** See AwsIamPrincipalFacts.permissionsBoundaryArn. */
  readonly permissionsBoundaryArn?: Fact<string | null>;
  /** The user's active access keys (`access_key_N_active` true); the credential report only. */
  readonly activeAccessKeys?: Fact<readonly AwsAccessKey[]>;
  /**
   * Active access keys a Terraform plan or state manages for the user (`aws_iam_access_key`,
   * `status` Active) whose `create_date` it shows: some of its keys only, as keys made outside
   * the configuration are not in it.
   */
  readonly managedAccessKeys?: Fact<readonly AwsManagedAccessKey[]>;
  /**
   * Last console sign-in (`password_last_used`, ISO 8601); null when the password was never used
   * (`no_information`) or there is none (`N/A`), or ListUsers' `PasswordLastUsed` is absent.
   */
  readonly passwordLastUsed?: Fact<string | null>;
  /**
   * When the console password was set (`password_last_changed`; GetLoginProfile's `CreateDate`):
   * a password never used has been unused since then, as a key never used since its rotation.
   */
  readonly passwordSetAt?: Fact<string>;
  /** When the user was created (`user_creation_time`, ListUsers' `CreateDate`). */
  readonly createdAt?: Fact<string>;
}

/** AWS::IAM::Group and AWS::IAM::Role: the policies that grant their members' rights. */
export interface AwsIamPrincipalFacts {
  readonly name?: Fact<string>;
  readonly attachedPolicyArns?: Fact<readonly string[]>;
  readonly fullAdminInlinePolicies?: Fact<readonly string[]>;
  /**
   * Inline policies that deny every action on every resource unconditionally, by name: the
   * principal (a group's members) may do nothing, whatever else it is allowed.
   */
  readonly denyAllInlinePolicies?: Fact<readonly string[]>;
  /**
   * Inline policy statements by which the principal may grant itself administrator rights
   * through IAM alone (attach or write a policy, add a user to a group, rewrite a trust policy,
   * on every such resource of the account or on itself), as `<policy name>: <Sid or position>`.
   */
  readonly escalationInlineStatements?: Fact<readonly string[]>;
  /**
   * Inline policy statements that allow or deny an action of a privilege escalation path through
   * another principal (AwsEscalationGrant): passing a role to a service, taking over another
   * user's credentials, changing a function's code.
   */
  readonly escalationGrants?: Fact<readonly AwsEscalationGrant[]>;
  /**
   * Roles only: the service principals (`ec2.amazonaws.com`, lower case) an `Allow` of the trust
   * policy names, the services a role can be passed to.
   */
  readonly trustedServices?: Fact<readonly string[]>;
  /**
   * Roles only: the AWS accounts the trust policy (`configuration.assumeRolePolicyDocument`)
   * lets assume the role, as 12-digit ids; `*` when it allows any AWS principal unconditionally;
   * `federated:<provider>` when it lets any user of a public identity provider assume it (no
   * condition on which repository, project or app).
   */
  readonly trustedAccounts?: Fact<readonly string[]>;
  /**
   * Users and roles: the managed policy set as the permissions boundary
   * (`configuration.permissionsBoundary.permissionsBoundaryArn`), null for none. The principal
   * may do only what both its policies and the boundary allow.
   */
  readonly permissionsBoundaryArn?: Fact<string | null>;
}

/** AWS::IAM::Policy (a managed policy): what its default version allows. */
export interface AwsIamPolicyFacts {
  /**
   * Statements of the default version (`configuration.policyVersionList[isDefaultVersion].document`)
   * that allow every action on every resource, as AdministratorAccess does.
   */
  readonly fullAdminStatements?: Fact<readonly string[]>;
  /** Statements of the default version that deny every action on every resource unconditionally. */
  readonly denyAllStatements?: Fact<readonly string[]>;
  /**
   * Statements of the default version by which a principal it is attached to may grant itself
   * administrator rights through IAM alone (see escalationInlineStatements).
   */
  readonly escalationStatements?: Fact<readonly string[]>;
  /** The default version's statements on escalation paths through another principal (AwsEscalationGrant). */
  readonly escalationGrants?: Fact<readonly AwsEscalationGrant[]>;
}

/**
 * A policy statement that allows or denies actions of the privilege escalation paths that go
 * through another principal (Rhino Security Labs' list): only those actions are kept, with the
 * resources they act on, so that a principal's paths are worked out from its policies' grants
 * without reading the documents again.
 */
export interface AwsEscalationGrant {
  /** `<policy name>: <Sid or position>` for an inline policy, `<Sid or position>` for a managed one. */
  readonly statement: string;
  /** A `Deny` is kept only without a condition: a conditional one may not apply. */
  readonly effect: 'Allow' | 'Deny';
  /** The path actions the statement covers, by their documented names (`iam:PassRole`). */
  readonly actions: readonly string[];
  /** Resource patterns as written (policy variables too); with `exceptResources`, every resource but these. */
  readonly resources: readonly string[];
  readonly exceptResources: boolean;
  /** `iam:PassedToService` values (lower case) the statement's condition limits a passed role to. */
  readonly passedToServices?: readonly string[];
}
