import { describe, expect, it } from 'vitest';
import { bucketV3, type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * Policies made by an `aws_iam_policy_document` data source that the plan reads only on apply
 * (SOURCES.md, "Policy documents read on apply"): the plan shows the data source's statements,
 * from which the document is worked out; a principal known only after apply keeps it unknown.
 */

const ACCOUNT = 'arn:aws:iam::(unknown):root';
const COUNT = 'aws.iam.privileged-principal-count';

describe('policies rendered by an aws_iam_policy_document the plan reads on apply', () => {
  // Modelled on bridgecrewio/checkov `tests/terraform/checks/data/aws/example_GithubActionsOIDCTrustPolicy/tfplan.json`
  // (format 1.2, Terraform 1.5.7): `data.aws_iam_policy_document` entries in `resource_changes`
  // with action `read` (a statement refers to a resource known only after apply), their `json` in
  // `after_unknown`; `assume_role_policy = data.aws_iam_policy_document.x[each.key].json`, listed
  // as `["data.aws_iam_policy_document.x", "each.key"]`; and the S3 bucket policies of the
  // provider's examples, `resources = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]`.
  const dataSource = (name: string, statement: Json[], statementUnknown: Json[], index?: string) => ({
    address: `data.aws_iam_policy_document.${name}${index === undefined ? '' : `["${index}"]`}`,
    mode: 'data',
    type: 'aws_iam_policy_document',
    name,
    ...(index !== undefined && { index }),
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: ['read'],
      before: null,
      after: {
        override_json: null,
        override_policy_documents: null,
        policy_id: null,
        source_json: null,
        source_policy_documents: null,
        version: null,
        statement,
      },
      after_unknown: { id: true, json: true, statement: statementUnknown },
    },
  });
  const withData = (document: Json, ...sources: Json[]) => ({
    ...document,
    resource_changes: [...(document.resource_changes as Json[]), ...sources],
  });
  const statement = (fields: Json): Json => ({
    sid: null,
    effect: 'Allow',
    actions: null,
    not_actions: null,
    resources: null,
    not_resources: null,
    principals: [],
    not_principals: [],
    condition: [],
    ...fields,
  });

  it('judges a trust policy from the statements when their principals are known', async () => {
    const trusting = (account: string) =>
      statement({
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${account}:root`] }],
      });
    const roles: Change[] = ['inside', 'outside'].map((key) => ({
      address: `aws_iam_role.ci["${key}"]`,
      after: { name: `ci-${key}`, path: '/' },
      afterUnknown: {
        arn: true,
        id: true,
        assume_role_policy: true,
        inline_policy: true,
        managed_policy_arns: true,
      },
      expressions: { assume_role_policy: ref('data.aws_iam_policy_document.trust', 'each.key') },
    }));
    const base = plan(roles, {
      providers: {
        aws: { region: constant('ap-northeast-1'), allowed_account_ids: constant(['111122223333']) },
      },
    });
    // A keyed instance's address: `aws_iam_role.ci["inside"]`, index "inside".
    for (const change of base.resource_changes as Json[]) {
      change.name = 'ci';
      change.index = String(change.address).slice('aws_iam_role.ci["'.length, -'"]'.length);
    }
    const config = (base.configuration as { root_module: { resources: Json[] } }).root_module;
    config.resources = [{ ...config.resources[0], address: 'aws_iam_role.ci', name: 'ci' }];
    const scanned = await scanDocument(
      withData(
        base,
        dataSource(
          'trust',
          [trusting('111122223333')],
          [{ principals: [{ identifiers: [false] }] }],
          'inside',
        ),
        dataSource(
          'trust',
          [trusting('999988887777')],
          [{ principals: [{ identifiers: [false] }] }],
          'outside',
        ),
      ),
    );
    expect(findingOf(scanned, 'aws.iam.role-trust', 'aws_iam_role.ci["inside"]').status).toBe('PASS');
    expect(findingOf(scanned, 'aws.iam.role-trust', 'aws_iam_role.ci["outside"]').status).toBe('FAIL');
  });

  it('leaves a trust policy unknown when a principal is known only after apply', async () => {
    const role: Change = {
      address: 'aws_iam_role.web',
      after: { name: 'web', path: '/' },
      afterUnknown: {
        arn: true,
        id: true,
        assume_role_policy: true,
        inline_policy: true,
        managed_policy_arns: true,
      },
      expressions: {
        assume_role_policy: ref(
          'data.aws_iam_policy_document.trust.json',
          'data.aws_iam_policy_document.trust',
        ),
      },
    };
    const scanned = await scanDocument(
      withData(
        plan([role]),
        dataSource(
          'trust',
          [
            statement({
              actions: ['sts:AssumeRoleWithWebIdentity'],
              principals: [{ type: 'Federated', identifiers: [null] }],
            }),
          ],
          [{ principals: [{ identifiers: [true] }] }],
        ),
      ),
    );
    expect(findingOf(scanned, 'aws.iam.role-trust', 'aws_iam_role.web').status).toBe('UNKNOWN');
  });

  it('leaves a trust policy unknown when a principal’s whole list of identifiers is known only after apply', async () => {
    // `identifiers = module.ci.role_arns`: the list itself is unknown, so `after` leaves it out.
    const role: Change = {
      address: 'aws_iam_role.deploy',
      after: { name: 'deploy', path: '/' },
      afterUnknown: {
        arn: true,
        id: true,
        assume_role_policy: true,
        inline_policy: true,
        managed_policy_arns: true,
      },
      expressions: {
        assume_role_policy: ref(
          'data.aws_iam_policy_document.trust.json',
          'data.aws_iam_policy_document.trust',
        ),
      },
    };
    const scanned = await scanDocument(
      withData(
        plan([role]),
        dataSource(
          'trust',
          [statement({ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS' }] })],
          [{ principals: [{ identifiers: true }] }],
        ),
      ),
    );
    expect(findingOf(scanned, 'aws.iam.role-trust', 'aws_iam_role.deploy').status).toBe('UNKNOWN');
  });

  it('judges provider v3’s inline bucket policy made by such a data source (it was read as none)', async () => {
    // fugue/regula `rego/tests/rules/tf/aws/s3/inputs/*_infra.json` style (format 0.1, Terraform
    // 0.13.5, AWS provider v3): `aws_s3_bucket.policy = data.aws_iam_policy_document.x.json`.
    const bucket = bucketV3('open', {}, { policy: true });
    const scanned = await scanDocument(
      withData(
        plan(
          [
            {
              ...bucket,
              expressions: {
                ...bucket.expressions,
                policy: ref('data.aws_iam_policy_document.open.json', 'data.aws_iam_policy_document.open'),
              },
            },
          ],
          {
            formatVersion: '0.1',
            terraformVersion: '0.13.5',
            bareProviderNames: true,
          },
        ),
        dataSource(
          'open',
          [
            statement({
              actions: ['s3:GetObject'],
              resources: [null],
              principals: [{ type: '*', identifiers: ['*'] }],
            }),
          ],
          [{ resources: [true] }],
        ),
      ),
    );
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.open').status).toBe('FAIL');
  });

  it('judges an S3 bucket policy whose resources are the new bucket’s ARN', async () => {
    const bucket: Change = {
      address: 'aws_s3_bucket.site',
      after: { bucket: 'site-bucket', force_destroy: false },
      afterUnknown: { arn: true, id: true, policy: true, acl: true, region: true },
      expressions: { bucket: constant('site-bucket') },
    };
    const policy: Change = {
      address: 'aws_s3_bucket_policy.site',
      after: {},
      afterUnknown: { id: true, bucket: true, policy: true },
      expressions: {
        bucket: ref('aws_s3_bucket.site.id', 'aws_s3_bucket.site'),
        policy: ref('data.aws_iam_policy_document.site.json', 'data.aws_iam_policy_document.site'),
      },
    };
    const scanned = await scanDocument(
      withData(
        plan([bucket, policy]),
        dataSource(
          'site',
          [
            statement({
              sid: 'DenyPlainHttp',
              effect: 'Deny',
              actions: ['s3:*'],
              resources: [null, null],
              principals: [{ type: '*', identifiers: ['*'] }],
              condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
            }),
          ],
          [{ resources: [true, true] }],
        ),
      ),
    );
    expect(findingOf(scanned, 'aws.s3.bucket-tls-only', 'aws_s3_bucket.site').status).toBe('PASS');
  });

  // A policy the plan knows as text names the bucket by its name: it covers the bucket's objects,
  // or only a prefix of them.
  it.each([
    ['arn:aws:s3:::site-bucket/*', 'PASS'],
    ['arn:aws:s3:::site-bucket/public/*', 'FAIL'],
  ])('judges a literal S3 bucket policy denying plain HTTP on %s: %s', async (objects, status) => {
    const bucket: Change = {
      address: 'aws_s3_bucket.site',
      after: { bucket: 'site-bucket', force_destroy: false },
      afterUnknown: { arn: true, id: true, policy: true, acl: true, region: true },
      expressions: { bucket: constant('site-bucket') },
    };
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyPlainHttp',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::site-bucket', objects],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    });
    const policy: Change = {
      address: 'aws_s3_bucket_policy.site',
      after: { policy: text },
      afterUnknown: { id: true, bucket: true },
      expressions: { bucket: ref('aws_s3_bucket.site.id', 'aws_s3_bucket.site'), policy: constant(text) },
    };
    const scanned = await scanDocument(plan([bucket, policy]));
    expect(findingOf(scanned, 'aws.s3.bucket-tls-only', 'aws_s3_bucket.site').status).toBe(status);
  });
});

describe('a role’s inline_policy block made by a policy document read on apply', () => {
  // The aws_iam_role of bridgecrewio/checkov's GithubActionsOIDCTrustPolicy plan (format 1.2,
  // Terraform 1.5.7) with `inline_policy { policy = data.aws_iam_policy_document.x.json }`, the
  // block's `policy` in `after_unknown` because the data source is read on apply.
  it('works each block’s document out from the data source’s statements', async () => {
    const roles = ['a', 'b', 'c', 'd'].map(
      (name): Change => ({
        address: `aws_iam_role.${name}`,
        after: { name, path: '/', inline_policy: [{ name: 'everything', policy: null }] },
        afterUnknown: {
          arn: true,
          id: true,
          unique_id: true,
          managed_policy_arns: true,
          assume_role_policy: true,
          inline_policy: [{ policy: true }],
        },
        expressions: {
          name: constant(name),
          inline_policy: [
            {
              name: constant('everything'),
              policy: ref(
                'data.aws_iam_policy_document.everything.json',
                'data.aws_iam_policy_document.everything',
              ),
            },
          ],
        },
      }),
    );
    const base = plan(roles);
    const scanned = await scanDocument({
      ...base,
      resource_changes: [
        ...(base.resource_changes as Json[]),
        {
          address: 'data.aws_iam_policy_document.everything',
          mode: 'data',
          type: 'aws_iam_policy_document',
          name: 'everything',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          change: {
            actions: ['read'],
            before: null,
            after: {
              version: null,
              statement: [
                { effect: 'Allow', actions: ['*'], resources: ['*'], principals: [], condition: [] },
              ],
            },
            after_unknown: { id: true, json: true, statement: [{ actions: [false], resources: [false] }] },
          },
        },
      ],
    });
    expect(findingOf(scanned, COUNT, ACCOUNT)).toMatchObject({ status: 'FAIL', data: { count: 4 } });
  });
});

describe('a trust policy whose federated principal is an identity provider of the plan', () => {
  // The GitHub Actions set-up of AWS's documentation, written with a policy document:
  // `principals { type = "Federated", identifiers = [aws_iam_openid_connect_provider.x.arn] }`.
  // The provider's ARN is known only after apply, so the document is read on apply; the
  // provider's `url` (known, or an EKS cluster's issuer known only after apply) tells which it is.
  const provider = (name: string, url: string | null): Change => ({
    address: `aws_iam_openid_connect_provider.${name}`,
    after: { client_id_list: ['sts.amazonaws.com'], ...(url !== null && { url }) },
    afterUnknown: { arn: true, id: true, ...(url === null && { url: true }) },
    expressions: url === null ? { url: ref('aws_eks_cluster.main.identity') } : { url: constant(url) },
  });
  const role: Change = {
    address: 'aws_iam_role.ci',
    after: { name: 'ci', path: '/' },
    afterUnknown: {
      arn: true,
      id: true,
      assume_role_policy: true,
      inline_policy: true,
      managed_policy_arns: true,
    },
    expressions: {
      assume_role_policy: ref(
        'data.aws_iam_policy_document.trust.json',
        'data.aws_iam_policy_document.trust',
      ),
    },
  };
  /** The plan, with the data source read on apply and its configuration naming the provider. */
  const trustPlan = (providerName: string, url: string | null, condition: Json[]) => {
    const document = plan([provider(providerName, url), role]);
    const configuration = document.configuration as { root_module: { resources: Json[] } };
    configuration.root_module.resources.push({
      address: 'data.aws_iam_policy_document.trust',
      mode: 'data',
      type: 'aws_iam_policy_document',
      name: 'trust',
      provider_config_key: 'aws',
      expressions: {
        statement: [
          {
            actions: constant(['sts:AssumeRoleWithWebIdentity']),
            principals: [
              {
                type: constant('Federated'),
                identifiers: ref(
                  `aws_iam_openid_connect_provider.${providerName}.arn`,
                  `aws_iam_openid_connect_provider.${providerName}`,
                ),
              },
            ],
          },
        ],
      },
    });
    const statement = {
      sid: null,
      effect: 'Allow',
      actions: ['sts:AssumeRoleWithWebIdentity'],
      not_actions: null,
      resources: null,
      not_resources: null,
      principals: [{ type: 'Federated', identifiers: [null] }],
      not_principals: [],
      condition,
    };
    return {
      ...document,
      resource_changes: [
        ...(document.resource_changes as Json[]),
        {
          address: 'data.aws_iam_policy_document.trust',
          mode: 'data',
          type: 'aws_iam_policy_document',
          name: 'trust',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          change: {
            actions: ['read'],
            before: null,
            after: {
              override_policy_documents: null,
              source_policy_documents: null,
              version: null,
              statement: [statement],
            },
            after_unknown: { id: true, json: true, statement: [{ principals: [{ identifiers: [true] }] }] },
          },
          action_reason: 'read_because_dependency_pending',
        },
      ],
    };
  };
  const trust = async (document: Json) =>
    findingOf(await scanDocument(document), 'aws.iam.role-trust', 'aws_iam_role.ci');
  const sub = (values: string[]) => ({
    test: 'StringLike',
    variable: 'token.actions.githubusercontent.com:sub',
    values,
  });

  it('judges GitHub Actions trust by its sub condition when the plan makes the provider', async () => {
    const github = 'https://token.actions.githubusercontent.com';
    expect((await trust(trustPlan('github', github, [sub(['repo:corp/infra:*'])]))).status).toBe('PASS');
    expect(await trust(trustPlan('github', github, []))).toMatchObject({
      status: 'FAIL',
      messageId: 'anyFederatedUser',
    });
  });

  it('reads an EKS cluster’s issuer (a URL known only after apply) as no public provider', async () => {
    expect((await trust(trustPlan('eks', null, []))).status).toBe('PASS');
  });

  it('leaves the trust unknown when the identifiers are no identity provider of the plan', async () => {
    const document = trustPlan('github', 'https://token.actions.githubusercontent.com', []);
    const changes = (document.resource_changes as Json[]).filter(
      (change) => change.address !== 'aws_iam_openid_connect_provider.github',
    );
    expect((await trust({ ...document, resource_changes: changes })).status).toBe('UNKNOWN');
  });
});

describe('the EKS documentation’s trust policy for a service account (IRSA) of a new cluster', () => {
  // hashicorp/terraform-provider-aws `website/docs/r/eks_cluster.html.markdown`, "Enabling IAM Roles
  // for Service Accounts": the provider's `url` is the new cluster's issuer, so both the principal
  // (`aws_iam_openid_connect_provider.example.arn`) and the condition's variable
  // (`"${replace(aws_iam_openid_connect_provider.example.url, "https://", "")}:sub"`) are known
  // only after apply.
  const document = (principalType: string) => {
    const base = plan([
      {
        address: 'aws_iam_openid_connect_provider.example',
        after: { client_id_list: ['sts.amazonaws.com'] },
        afterUnknown: { arn: true, id: true, url: true, thumbprint_list: true },
        expressions: {
          url: ref('aws_eks_cluster.example.identity[0].oidc[0].issuer', 'aws_eks_cluster.example'),
        },
      },
      {
        address: 'aws_iam_role.example',
        after: { name: 'example', path: '/' },
        afterUnknown: {
          arn: true,
          id: true,
          assume_role_policy: true,
          inline_policy: true,
          managed_policy_arns: true,
        },
        expressions: {
          assume_role_policy: ref(
            'data.aws_iam_policy_document.example_assume_role_policy.json',
            'data.aws_iam_policy_document.example_assume_role_policy',
          ),
        },
      },
    ]);
    const provider = ref(
      'aws_iam_openid_connect_provider.example.arn',
      'aws_iam_openid_connect_provider.example',
    );
    (base.configuration as { root_module: { resources: Json[] } }).root_module.resources.push({
      address: 'data.aws_iam_policy_document.example_assume_role_policy',
      mode: 'data',
      type: 'aws_iam_policy_document',
      name: 'example_assume_role_policy',
      provider_config_key: 'aws',
      expressions: {
        statement: [
          {
            actions: constant(['sts:AssumeRoleWithWebIdentity']),
            effect: constant('Allow'),
            condition: [
              {
                test: constant('StringEquals'),
                variable: ref(
                  'aws_iam_openid_connect_provider.example.url',
                  'aws_iam_openid_connect_provider.example',
                ),
                values: constant(['system:serviceaccount:kube-system:aws-node']),
              },
            ],
            principals: [{ identifiers: provider, type: constant(principalType) }],
          },
        ],
      },
    });
    const statement = {
      sid: null,
      effect: 'Allow',
      actions: ['sts:AssumeRoleWithWebIdentity'],
      not_actions: null,
      resources: null,
      not_resources: null,
      principals: [{ type: principalType, identifiers: [null] }],
      not_principals: [],
      condition: [{ test: 'StringEquals', values: ['system:serviceaccount:kube-system:aws-node'] }],
    };
    return {
      ...base,
      resource_changes: [
        ...(base.resource_changes as Json[]),
        {
          address: 'data.aws_iam_policy_document.example_assume_role_policy',
          mode: 'data',
          type: 'aws_iam_policy_document',
          name: 'example_assume_role_policy',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          change: {
            actions: ['read'],
            before: null,
            after: {
              override_policy_documents: null,
              source_policy_documents: null,
              version: null,
              statement: [statement],
            },
            after_unknown: {
              id: true,
              json: true,
              statement: [{ principals: [{ identifiers: [true] }], condition: [{ variable: true }] }],
            },
          },
          action_reason: 'read_because_dependency_pending',
        },
      ],
    };
  };
  const trust = async (principalType: string) =>
    findingOf(await scanDocument(document(principalType)), 'aws.iam.role-trust', 'aws_iam_role.example')
      .status;

  it('trusts the cluster’s own issuer, a provider of the role’s account that is no public one', async () => {
    expect(await trust('Federated')).toBe('PASS');
  });

  it('leaves an AWS principal known only after apply unknown, its condition key too', async () => {
    expect(await trust('AWS')).toBe('UNKNOWN');
  });
});
