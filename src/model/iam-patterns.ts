import { memoized } from '../base/memo.ts';

/**
 * IAM's action and resource patterns: `*` for any text and `?` for one character, without
 * regard to case, as the policy grammar matches them. The readers match statements with them,
 * and aws.iam.privileged-principal-count matches the resources a statement's grant reaches.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */

/** An action or resource pattern (a non-string matches anything: the reader rejects those first). */
export function matchesPattern(pattern: unknown, name: string): boolean {
  if (typeof pattern !== 'string') return true;
  return globOf(pattern).test(name);
}

const globOf = memoized((pattern) => {
  const glob = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${glob}$`, 'i');
});

/** A resource pattern with its policy variables (`${aws:username}`) read as any name. */
export function anyVariable(pattern: unknown): unknown {
  return typeof pattern === 'string' ? pattern.replace(/\$\{[^}]*\}/g, '*') : pattern;
}
