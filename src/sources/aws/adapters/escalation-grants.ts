import type { AwsEscalationGrant } from '../../../model/aws.ts';
import { PATH_ACTIONS } from '../../../model/aws-escalation-paths.ts';
import { matchesPattern } from '../../../model/iam-patterns.ts';
import { asRecord } from '../config-item.ts';
import { listOf, statementLabel } from './policy-document.ts';
import { NARROWING_OPERATORS } from './public-policy.ts';

/**
 * The statements of one policy document that allow or deny an action of the escalation paths
 * through another principal (aws-escalation-paths.ts), read once per document: the check then
 * combines the grants of a principal's policies without reading statements again. `prefix`
 * names an inline policy (`<policy>: `) before the statement's Sid or position.
 *
 * An `Allow` keeps its condition's `iam:PassedToService` values (the services a passed role may
 * go to); any other condition is read as met, as for administrator rights: whoever meets it
 * holds the grant. A `Deny` with a condition is left out: it may not apply to the caller, and a
 * path it might block still counts.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 */
export function escalationGrantsOf(
  statements: readonly Record<string, unknown>[],
  prefix = '',
): AwsEscalationGrant[] {
  const grants: AwsEscalationGrant[] = [];
  statements.forEach((statement, index) => {
    const effect = statement['Effect'];
    if (effect !== 'Allow' && effect !== 'Deny') return;
    if (effect === 'Deny' && statement['Condition'] !== undefined) return;
    const notAction = statement['NotAction'];
    const actions = PATH_ACTIONS.filter((action) =>
      notAction === undefined
        ? listOf(statement['Action']).some((pattern) => matchesPattern(pattern, action))
        : !listOf(notAction).some((pattern) => matchesPattern(pattern, action)),
    );
    if (actions.length === 0) return;
    const exceptResources = statement['NotResource'] !== undefined;
    const resources = listOf(exceptResources ? statement['NotResource'] : statement['Resource']).map(String);
    const services = effect === 'Allow' ? passedToServices(statement['Condition']) : undefined;
    grants.push({
      statement: `${prefix}${statementLabel(statement, index)}`,
      effect,
      actions,
      resources,
      exceptResources,
      ...(services ? { passedToServices: services } : {}),
    });
  });
  return grants;
}

/**
 * The services named by an `iam:PassedToService` condition that compares strings (`StringEquals`,
 * `StringLike`, …; `StringLike` values kept as patterns); undefined when there is none, or only
 * one that names no service (a negated operator, `…IfExists`): the role may go to any service.
 */
function passedToServices(condition: unknown): string[] | undefined {
  let services: string[] | undefined;
  for (const [operator, operands] of Object.entries(asRecord(condition) ?? {})) {
    const name = operator.toLowerCase();
    if (!NARROWING_OPERATORS.has(name) || !name.includes('string')) continue;
    for (const [key, value] of Object.entries(asRecord(operands) ?? {})) {
      if (key.toLowerCase() !== 'iam:passedtoservice') continue;
      const values = listOf(value).map((service) => String(service).toLowerCase());
      // Two conditions on the key must both hold: the services both name.
      services = services ? services.filter((service) => values.includes(service)) : values;
    }
  }
  return services;
}
