/**
 * Each path cut to its last parts, as many as tell it from the others' (`a/prod`, `b/prod`,
 * `dev`): names that stay the same whichever folder above them a scan is given, and on every
 * machine. Terraform root modules and terragrunt units are named so.
 */
export function distinctTails(roots: readonly string[]): Map<string, string> {
  const parts = roots.map((root) => root.split(/[\\/]/).filter((part) => part !== ''));
  const tail = (of: readonly string[], depth: number) => of.slice(-depth).join('/');
  const labels = new Map<string, string>();
  roots.forEach((root, i) => {
    const own = parts[i]!;
    let depth = 1;
    while (depth < own.length && parts.some((other, j) => j !== i && tail(other, depth) === tail(own, depth)))
      depth++;
    labels.set(root, tail(own, depth));
  });
  return labels;
}
