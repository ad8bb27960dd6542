import type {
  AwsEscalationGrant,
  AwsIamPolicyFacts,
  AwsIamPrincipalFacts,
  AwsIamUserFacts,
  AwsLambdaFunctionFacts,
} from '../../../model/aws.ts';
import {
  AWS_MANAGED_GRANTS,
  FUNCTION_CODE_UPDATE,
  PASS_ROLE,
  PATH_ACTIONS,
  SERVICE_LAUNCHES,
  USER_TAKEOVERS,
} from '../../../model/aws-escalation-paths.ts';
import { explicit, unknown } from '../../../model/fact.ts';
import { anyVariable, matchesPattern } from '../../../model/iam-patterns.ts';
import type { Resource } from '../../../model/resource.ts';
import type { Evidence, InventoryView } from '../../check.ts';
import { ADMINISTRATOR, deniedEverything, ESCALATION, type Verdict } from './related.ts';

/**
 * The privilege escalation paths that go through another principal (aws-escalation-paths.ts):
 * passing a role to a service the caller then runs code in, taking over another user's
 * credentials, changing the code of a function that runs as a role. A path leads to the
 * principal whose rights it gives, and counts when that principal counts (it holds administrator
 * rights, or may escalate itself, by any path): a role passed that cannot reach administrator
 * rights gives none. A principal a path leads to that the export does not show, or that may not
 * trust the service, leaves the path unknown when it could count.
 */

/** A principal's verdict for the count, and whether it counts by escalating. */
export interface Counted extends Verdict {
  readonly escalates: boolean;
}

/** One statement grant of a principal's policies, with where it was read. */
interface HeldGrant {
  readonly grant: AwsEscalationGrant;
  readonly from: Resource;
  readonly path: string;
}

/** A grant as one step uses it: for one of its actions. */
interface Use {
  readonly held: HeldGrant;
  readonly action: string;
}

/**
 * A path from a principal, to any of its targets (several roles may be passed, several users
 * taken over), or to one the export does not show (no target). Its evidence is made for the one
 * target the verdict names, not for every pair: a principal may pass thousands of roles.
 */
interface Step {
  readonly targets: readonly Resource[];
  /** false when the targets may not accept the path (a role's trust policy not read). */
  readonly certain: boolean;
  readonly evidence: (target: Resource | undefined) => Evidence[];
}

/**
 * The principals' verdicts once the paths through other principals are followed: a principal
 * that does not count by itself counts when a path of its leads to one that does (to the
 * fixpoint: a path may lead through several principals), and is unknown when a path may.
 */
export function followPaths(
  inventory: InventoryView,
  account: string,
  verdicts: ReadonlyMap<Resource, Counted>,
): Map<Resource, Counted> {
  const users = [...verdicts.keys()].filter((principal) => principal.kansaType === 'iam.user');
  const roles = [...verdicts.keys()].filter((principal) => principal.kansaType === 'iam.role');
  const steps = new Map<Resource, readonly Step[]>();
  for (const [principal, verdict] of verdicts) {
    if (verdict.value === true || deniedEverything(inventory, principal)) continue;
    const held = grantsOf(inventory, principal);
    if (held.length > 0) steps.set(principal, stepsOf(inventory, account, principal, held, users, roles));
  }
  const value = new Map<Resource, boolean | undefined>();
  for (const [principal, verdict] of verdicts) value.set(principal, verdict.value);
  const reached = (step: Step, target: Resource) => {
    const at = value.get(target);
    return step.certain || at === false ? at : undefined;
  };
  const stepValue = (step: Step) => {
    if (step.targets.length === 0) return undefined;
    let open = false;
    for (const target of step.targets) {
      const at = reached(step, target);
      if (at === true) return true;
      if (at === undefined) open = true;
    }
    return open ? undefined : false;
  };
  // Values only rise (false, unknown, true): the loop ends within as many rounds as principals.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [principal, own] of steps) {
      if (value.get(principal) === true) continue;
      const next = anyOf([verdicts.get(principal)!.value, ...own.map(stepValue)]);
      if (next !== value.get(principal)) {
        value.set(principal, next);
        changed = true;
      }
    }
  }
  const result = new Map(verdicts);
  for (const [principal, own] of steps) {
    const verdict = verdicts.get(principal)!;
    const through = anyOf(own.map(stepValue));
    if (through === true) {
      const step = own.find((candidate) => stepValue(candidate) === true)!;
      const target = step.targets.find((candidate) => reached(step, candidate) === true);
      result.set(principal, { value: true, evidence: step.evidence(target), escalates: true });
    } else if (through === undefined && verdict.value === false) {
      const open = own.filter((candidate) => stepValue(candidate) === undefined);
      result.set(principal, {
        value: undefined,
        evidence: open.flatMap((step) =>
          step.evidence(step.targets.find((candidate) => reached(step, candidate) === undefined)),
        ),
        escalates: false,
      });
    }
  }
  return result;
}

/** A service principal as the commercial partition names it (the China Regions add `.cn`). */
function inAnyPartition(service: string): string {
  return service.endsWith('.amazonaws.com.cn') ? service.slice(0, -'.cn'.length) : service;
}

/** The name of an AWS managed policy (`arn:aws:iam::aws:policy/<name>`, in every partition). */
const AWS_MANAGED_POLICY_NAME = /^arn:aws[\w-]*:iam::aws:policy\/([^/]+)$/;

/** Kleene's or: true if any is, else unknown if any is, else false. */
function anyOf(values: readonly (boolean | undefined)[]): boolean | undefined {
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}

/**
 * The grants of the principal's policies: its inline ones, its AWS managed policies' known by name
 * (AWS_MANAGED_GRANTS), its customer managed policies' (their AWS::IAM::Policy items), and for a
 * user its groups'. What cannot be read already leaves the
 * principal's own verdict unknown (related.ts), and adds nothing here.
 */
function grantsOf(inventory: InventoryView, principal: Resource): HeldGrant[] {
  const held: HeldGrant[] = [];
  const bounded = boundaryActions(inventory, principal);
  const hold = (grant: AwsEscalationGrant, from: Resource, path: string) => {
    const actions =
      bounded && grant.effect === 'Allow' ? grant.actions.filter((a) => bounded.has(a)) : grant.actions;
    if (actions.length > 0) held.push({ grant: { ...grant, actions }, from, path });
  };
  const read = (owner: Resource) => {
    const facts = owner.facts as AwsIamPrincipalFacts;
    const inline = facts.escalationGrants;
    if (inline?.source !== 'unknown' && inline)
      for (const grant of inline.value) hold(grant, owner, inline.path);
    const attached = facts.attachedPolicyArns;
    if (attached?.source === 'unknown' || !attached) return;
    for (const arn of attached.value) {
      for (const grant of awsManagedGrants(arn) ?? []) hold(grant, owner, attached.path);
      const grants = managedPolicyGrants(inventory, arn);
      if (grants) for (const grant of grants.value) hold(grant, grants.policy, grants.path);
    }
  };
  read(principal);
  const groups = (principal.facts as AwsIamUserFacts).groups;
  if (principal.kansaType === 'iam.user' && groups && groups.source !== 'unknown') {
    const byName = new Set(groups.value);
    for (const group of inventory.inAccount('aws', principal.account, 'iam.group'))
      if (byName.has(group.name)) read(group);
  }
  return held;
}

/** The path grants of an AWS managed policy, known by its name; undefined for a customer one. */
function awsManagedGrants(arn: string): readonly AwsEscalationGrant[] | undefined {
  const awsManaged = AWS_MANAGED_POLICY_NAME.exec(arn)?.[1];
  return awsManaged === undefined ? undefined : (AWS_MANAGED_GRANTS[awsManaged] ?? []);
}

/** The path grants of a managed policy the export holds (its AWS::IAM::Policy item), when read. */
function managedPolicyGrants(inventory: InventoryView, arn: string) {
  const policy = inventory.byId('aws', arn);
  const grants = (policy?.facts as AwsIamPolicyFacts | undefined)?.escalationGrants;
  if (policy?.kansaType !== 'iam.policy' || grants?.source === 'unknown' || !grants) return undefined;
  return { policy, value: grants.value, path: grants.path };
}

/**
 * The path actions a user's or role's permissions boundary allows, which are all it may use of
 * its policies' (the boundary's resources are not weighed: an action it allows anywhere counts).
 * Undefined, no limit, without a boundary, with AdministratorAccess as the boundary, or with one
 * the export does not hold: the paths then stand as its policies give them, counted rather than
 * passed over. IAMFullAccess allows the IAM actions; another AWS managed policy those it is
 * known to grant (AWS_MANAGED_GRANTS), none for most.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
function boundaryActions(inventory: InventoryView, principal: Resource): ReadonlySet<string> | undefined {
  const boundary = (principal.facts as AwsIamPrincipalFacts).permissionsBoundaryArn;
  if (!boundary || boundary.source === 'unknown' || boundary.value === null) return undefined;
  const arn = boundary.value;
  if (ADMINISTRATOR.managedPolicy.test(arn)) return undefined;
  if (ESCALATION.managedPolicy.test(arn)) return new Set(PATH_ACTIONS.filter((a) => a.startsWith('iam:')));
  const grants = awsManagedGrants(arn) ?? managedPolicyGrants(inventory, arn)?.value;
  if (grants === undefined) return undefined;
  return new Set(grants.flatMap((grant) => (grant.effect === 'Allow' ? grant.actions : [])));
}

/** Every step of the principal's paths. */
function stepsOf(
  inventory: InventoryView,
  account: string,
  principal: Resource,
  held: readonly HeldGrant[],
  users: readonly Resource[],
  roles: readonly Resource[],
): Step[] {
  const steps: Step[] = [];
  // Each action's grants once: the loops below match them against every role and user.
  const byAction = new Map<string, HeldGrant[]>();
  for (const grant of held)
    for (const action of grant.grant.actions) byAction.set(action, [...(byAction.get(action) ?? []), grant]);
  const of = (action: string) => byAction.get(action) ?? [];
  const allows = (action: string) => of(action).some(({ grant }) => grant.effect === 'Allow');
  const allowing = (action: string, arn?: string): Use[] =>
    allowed(of(action), principal, arn).map((grant) => ({ held: grant, action }));
  const toward = (targets: Resource[], certain: boolean, uses: (target: Resource) => readonly Use[]) => {
    if (targets.length > 0)
      steps.push({
        targets,
        certain,
        evidence: (target) => (target ? useEvidence(uses(target), target.name) : []),
      });
  };
  // The services the principal may launch, each with the grants of one way to; then the roles it
  // may pass, each matched once, to those services (the role's trust, the grant's condition).
  const launches = SERVICE_LAUNCHES.flatMap(({ service, ways }) => {
    const way = ways
      .map((actions) => actions.map((action) => allowing(action)))
      .find((each) => each.every((grants) => grants.length > 0));
    return way ? [{ service, way: way.flat(), trusting: [] as Resource[], unread: [] as Resource[] }] : [];
  });
  if (launches.length > 0 && allows(PASS_ROLE)) {
    for (const role of roles) {
      const passing = allowed(of(PASS_ROLE), principal, role.id);
      if (passing.length === 0) continue;
      const trusted = (role.facts as AwsIamPrincipalFacts).trustedServices;
      for (const launch of launches) {
        if (!passing.some((grant) => passesTo(grant.grant, launch.service))) continue;
        if (trusted?.source === 'unknown' || !trusted) launch.unread.push(role);
        else if (trusted.value.some((name) => inAnyPartition(name) === launch.service))
          launch.trusting.push(role);
      }
    }
    for (const { service, way, trusting, unread } of launches) {
      const uses = (role: Resource) => [
        ...allowing(PASS_ROLE, role.id).filter(({ held }) => passesTo(held.grant, service)),
        ...way,
      ];
      toward(trusting, true, uses);
      toward(unread, false, uses);
    }
  }
  for (const action of USER_TAKEOVERS)
    if (allows(action))
      toward(
        users.filter((user) => user !== principal && allowed(of(action), principal, user.id).length > 0),
        true,
        (user) => allowing(action, user.id),
      );
  if (allowing(FUNCTION_CODE_UPDATE).length > 0)
    steps.push(...functionSteps(inventory, account, principal, of(FUNCTION_CODE_UPDATE)));
  return steps;
}

/**
 * The steps of changing a Lambda function's code: to each function's execution role. The export's
 * AWS::Lambda::Function items are the account's functions, as its roles are its roles.
 */
function functionSteps(
  inventory: InventoryView,
  account: string,
  principal: Resource,
  /** The principal's grants of lambda:UpdateFunctionCode. */
  held: readonly HeldGrant[],
): Step[] {
  const functions = inventory
    .inAccount('aws', account, 'compute.serverless')
    .filter((resource) => resource.nativeType === 'AWS::Lambda::Function');
  const steps: Step[] = [];
  for (const fn of functions) {
    const uses = () =>
      allowed(held, principal, fn.id).map((grant) => ({
        held: grant,
        action: FUNCTION_CODE_UPDATE,
      }));
    if (allowed(held, principal, fn.id).length === 0) continue;
    const role = (fn.facts as AwsLambdaFunctionFacts).executionRole;
    const target = role?.source === 'unknown' || !role ? undefined : inventory.byId('aws', role.value);
    if (target?.kansaType === 'iam.role') {
      steps.push({
        targets: [target],
        certain: true,
        evidence: () => useEvidence(uses(), `${fn.name} (${target.name})`),
      });
      continue;
    }
    const why = unknown('configuration.role', {
      ja: `Lambda 関数 ${fn.name} の実行ロールがエクスポートにありません`,
      en: `the execution role of the Lambda function ${fn.name} is not in the export`,
    });
    steps.push({
      targets: [],
      certain: false,
      evidence: () => [...useEvidence(uses(), fn.name), { ...why, resourceId: fn.id }],
    });
  }
  return steps;
}

/**
 * The `Allow` grants among an action's (on the resource when given), none when an unconditional
 * `Deny` covers it. Without a resource, any `Allow` of the action counts (the launch actions:
 * their resources are ones the caller creates) and only a `Deny` on every resource takes it away.
 */
function allowed(grants: readonly HeldGrant[], caller: Resource, arn?: string): HeldGrant[] {
  const covers = ({ grant }: HeldGrant) =>
    arn === undefined
      ? grant.effect === 'Allow' || (!grant.exceptResources && grant.resources.includes('*'))
      : grant.exceptResources !==
        grant.resources.some((pattern) => {
          const resolved = resolveVariables(pattern, caller);
          return resolved !== undefined && matchesPattern(resolved, arn);
        });
  if (grants.some((each) => each.grant.effect === 'Deny' && covers(each))) return [];
  return grants.filter((each) => each.grant.effect === 'Allow' && covers(each));
}

/** An `iam:PassRole` grant lets the role go to the service: no `iam:PassedToService` condition, or one naming it. */
function passesTo(grant: AwsEscalationGrant, service: string): boolean {
  return (
    grant.passedToServices === undefined ||
    grant.passedToServices.some(
      (pattern) => matchesPattern(pattern, service) || matchesPattern(pattern, `${service}.cn`),
    )
  );
}

/**
 * A resource pattern as it stands for the caller: `${aws:username}` is a user's own name (a role
 * has none: the pattern matches nothing), any other policy variable may be any text.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
function resolveVariables(pattern: string, caller: Resource): string | undefined {
  if (!pattern.includes('${')) return pattern;
  if (/\$\{aws:username\}/i.test(pattern) && caller.kansaType !== 'iam.user') return undefined;
  return anyVariable(pattern.replace(/\$\{aws:username\}/gi, caller.name)) as string;
}

/** Each statement a step uses, named with the actions it allows of the path, toward the target. */
function useEvidence(uses: readonly Use[], target: string): Evidence[] {
  const actions = new Map<HeldGrant, string[]>();
  for (const { held, action } of uses) {
    const list = actions.get(held) ?? [];
    if (!list.includes(action)) list.push(action);
    actions.set(held, list);
  }
  return [...actions].map(([held, names]) => ({
    ...explicit(`${held.grant.statement}: ${names.join(', ')} → ${target}`, held.path),
    resourceId: held.from.id,
  }));
}
