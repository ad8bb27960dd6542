/**
 * One rule of the Japanese problem texts (report/problem-text.ts): an English phrase, and its
 * Japanese (a `$1` template, or a function of the match and its groups).
 */
export type Rule = readonly [RegExp, string | ((match: string, ...groups: string[]) => string)];
