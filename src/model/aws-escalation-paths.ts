import type { AwsEscalationGrant } from './aws.ts';

/**
 * The AWS privilege escalation paths that go through another principal, from Rhino Security
 * Labs' "AWS IAM privilege escalation" list (as Cloudsplaining's `PrivilegeEscalation` findings
 * and pacu's iam__privesc_scan hold them): the readers keep the statements allowing or denying
 * these actions (AwsEscalationGrant), and aws.iam.privileged-principal-count follows them to the
 * principal whose rights the path gives.
 * https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
 *
 * Left out: `glue:UpdateDevEndpoint` (a development endpoint's SSH key changed): kansa reads no
 * Glue development endpoint (Config records none, and Glue 2.0 and later have none), so the path
 * could never be settled.
 */

/**
 * Launching a service with a role passed to it (`iam:PassRole`): the service then runs code the
 * caller wrote with the role's rights. Each way is a set of actions that together do it; the
 * role must trust the service's principal.
 */
export const SERVICE_LAUNCHES: readonly { readonly service: string; readonly ways: readonly string[][] }[] = [
  // An instance the caller logs in to, its instance profile's keys in the metadata service.
  { service: 'ec2.amazonaws.com', ways: [['ec2:RunInstances']] },
  // A function the caller writes, run by invoking it, by an event source, or by a caller it lets in.
  {
    service: 'lambda.amazonaws.com',
    ways: [
      ['lambda:CreateFunction', 'lambda:InvokeFunction'],
      ['lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
      ['lambda:CreateFunction', 'lambda:AddPermission'],
    ],
  },
  // A stack whose template creates what the role may create.
  { service: 'cloudformation.amazonaws.com', ways: [['cloudformation:CreateStack']] },
  // A development endpoint the caller reaches by SSH.
  { service: 'glue.amazonaws.com', ways: [['glue:CreateDevEndpoint']] },
  // A pipeline whose definition runs the caller's commands.
  {
    service: 'datapipeline.amazonaws.com',
    ways: [['datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition']],
  },
  // A notebook the caller opens, or a job running the caller's container.
  {
    service: 'sagemaker.amazonaws.com',
    ways: [
      ['sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'],
      ['sagemaker:CreateTrainingJob'],
      ['sagemaker:CreateProcessingJob'],
    ],
  },
  // A build project whose build spec runs the caller's commands.
  {
    service: 'codebuild.amazonaws.com',
    ways: [
      ['codebuild:CreateProject', 'codebuild:StartBuild'],
      ['codebuild:CreateProject', 'codebuild:StartBuildBatch'],
    ],
  },
];

/** Taking over another IAM user: a new access key, or a console password set or changed. */
export const USER_TAKEOVERS: readonly string[] = [
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
];

/** Changing an existing function's code: it runs with the function's execution role. */
export const FUNCTION_CODE_UPDATE = 'lambda:UpdateFunctionCode';

export const PASS_ROLE = 'iam:PassRole';

/** Every action of the paths: what a policy statement is read for. */
export const PATH_ACTIONS: readonly string[] = [
  PASS_ROLE,
  ...new Set(SERVICE_LAUNCHES.flatMap(({ ways }) => ways.flat())),
  ...USER_TAKEOVERS,
  FUNCTION_CODE_UPDATE,
];

/**
 * The grants of the AWS managed policies that allow path actions, by name: Config never records
 * an AWS managed policy, so these are read from AWS's own documents (the AWS managed policy
 * reference), as AdministratorAccess and IAMFullAccess are known by name.
 * PowerUserAccess allows every action but IAM's, Organizations' and Account's (`NotAction`): it
 * passes no role, and changes any function's code. AWSLambda_FullAccess allows `lambda:*` and
 * passes any role to Lambda (`iam:PassedToService`).
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambda_FullAccess.html
 */
export const AWS_MANAGED_GRANTS: Readonly<Record<string, readonly AwsEscalationGrant[]>> = {
  PowerUserAccess: [
    {
      statement: 'PowerUserAccess: AllowAllExceptIam',
      effect: 'Allow',
      actions: PATH_ACTIONS.filter((action) => !action.startsWith('iam:')),
      resources: ['*'],
      exceptResources: false,
    },
  ],
  AWSLambda_FullAccess: [
    {
      statement: 'AWSLambda_FullAccess: Statement[0]',
      effect: 'Allow',
      actions: PATH_ACTIONS.filter((action) => action.startsWith('lambda:')),
      resources: ['*'],
      exceptResources: false,
    },
    {
      statement: 'AWSLambda_FullAccess: Statement[1]',
      effect: 'Allow',
      actions: [PASS_ROLE],
      resources: ['*'],
      exceptResources: false,
      passedToServices: ['lambda.amazonaws.com'],
    },
  ],
};
