import type { Lang } from '../model/localized.ts';
import { AWS_ANSWER_RULES } from './problem-rules/aws-answers.ts';
import { CLOUDQUERY_RULES } from './problem-rules/cloudquery.ts';
import { CUSTODIAN_RULES } from './problem-rules/custodian.ts';
import { EXPORT_RULES } from './problem-rules/exports.ts';
import { INPUT_RULES } from './problem-rules/inputs.ts';
import { KANSA_FILE_RULES } from './problem-rules/kansa-files.ts';
import type { Rule } from './problem-rules/rule.ts';
import { RUN_RULES } from './problem-rules/runs.ts';
import { SCOUTSUITE_RULES } from './problem-rules/scoutsuite.ts';
import { SEND_RULES } from './problem-rules/send.ts';
import { TERRAFORM_RULES } from './problem-rules/terraform.ts';

/**
 * kansa's problem texts in Japanese: input errors (file:line and what was expected), files
 * passed over and records skipped with the reason, the gaps of a partial scan (calls denied,
 * timed out, unreachable), output and usage errors, warnings. They are made in English where
 * they arise, deep in the readers and collectors, and kept so in the findings file (stable for
 * tools); what a person reads is put into the report language here, once, for the terminal,
 * stderr and the reports alike (delivery to the SOC included). Each rule turns one English phrase into Japanese and keeps what
 * it quotes (paths, ids, calls, codes); a text no rule knows stays as it is. Library details
 * quoted inside (a YAML parser's or a cloud SDK's message) stay in their own words.
 */
const RULES: readonly Rule[] = [
  ...CLOUDQUERY_RULES,
  ...AWS_ANSWER_RULES,
  ...EXPORT_RULES,
  ...SCOUTSUITE_RULES,
  ...CUSTODIAN_RULES,
  ...INPUT_RULES,
  ...TERRAFORM_RULES,
  ...KANSA_FILE_RULES,
  ...RUN_RULES,
  ...SEND_RULES,
];

/** A problem text (an input error, a skip reason, a gap, a usage error) in the report language. */
export function localizeProblem(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text
    .split('\n')
    .map((line) => {
      let out = line;
      for (const [pattern, replacement] of RULES) {
        pattern.lastIndex = 0;
        out =
          typeof replacement === 'string'
            ? out.replace(pattern, replacement)
            : out.replace(pattern, (match, ...rest: unknown[]) => {
                // The captured groups come before the match's offset (a number).
                const groups = rest.slice(
                  0,
                  rest.findIndex((arg) => typeof arg === 'number'),
                );
                return replacement(match, ...groups.map((group) => (typeof group === 'string' ? group : '')));
              });
      }
      return out;
    })
    .join('\n');
}

/** Every Japanese text of the rules (for the test of one form of each word). */
export const PROBLEM_TEXTS_JA: readonly string[] = RULES.flatMap(([, replacement]) =>
  typeof replacement === 'string' ? [replacement] : [],
);
