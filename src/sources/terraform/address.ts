/**
 * The parts of a resource address (`module.a["x"].aws_s3_bucket.logs[0]`) and of a provider's
 * name, as plans and states write them.
 */

/**
 * A plan written by hand (policy tests, examples) often gives a change's address and type
 * without the name and index that `terraform show -json` writes beside them: they are the
 * address's last part (`module.m.aws_s3_bucket.logs["a"]` → `logs`, `"a"`).
 */
export function nameInAddress(
  address: string,
  type: string,
): { name: string; index: number | string | undefined } | undefined {
  const parts = splitAddress(address);
  if (parts.at(-2) !== type) return undefined;
  const last = /^([^[\]"]+)(?:\[(\d+|"(?:[^"\\]|\\.)*")\])?$/.exec(parts.at(-1) ?? '');
  if (!last) return undefined;
  const key = last[2];
  return {
    name: last[1]!,
    index: key === undefined ? undefined : key.startsWith('"') ? (JSON.parse(key) as string) : Number(key),
  };
}

/**
 * The provider's type (`aws`, `google-beta`) from `provider_name` in each form Terraform and
 * OpenTofu have written: a source address on any registry host (`registry.terraform.io/hashicorp/aws`,
 * `registry.opentofu.org/hashicorp/aws`, a private registry's `app.terraform.io/org/aws`, a
 * filesystem mirror's `terraform.local/org/aws`, 0.13's legacy `registry.terraform.io/-/aws`),
 * 0.12's local name with its alias (`aws`, `aws.osaka`), and the provider configuration
 * addresses of state files (`provider.aws`, `module.x.provider["registry.terraform.io/hashicorp/aws"].osaka`).
 * The type is the last segment of the source address: the host and namespace do not change it.
 */
export function providerType(providerName: string): string {
  const quoted = /(?:^|\.)provider\["([^"]*)"\]/.exec(providerName)?.[1];
  if (quoted !== undefined) return quoted.slice(quoted.lastIndexOf('/') + 1);
  const name = providerName.replace(/^(?:.*\.)?provider\./, '');
  return name.slice(name.lastIndexOf('/') + 1).split('.')[0] ?? '';
}

/** `module.a["x"].module.b.aws_s3_bucket.c[0]` → `module.a["x"].module.b`. */
export function moduleOf(address: string): string {
  const parts = splitAddress(address);
  let end = 0;
  while (parts[end] === 'module' && end + 1 < parts.length) end += 2;
  return parts.slice(0, end).join('.');
}

/**
 * Splits an address at the dots that are not inside an index key (`["a.b"]`). Inside a key, a
 * backslash escapes the character after it (`["say \"hi\""]`, `["C:\\logs\\"]`): an escaped
 * backslash does not escape the quote after it.
 */
export function splitAddress(address: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inString = false;
  for (let i = 0; i < address.length; i++) {
    const char = address[i]!;
    if (inString && char === '\\') {
      current += char + (address[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '"') inString = !inString;
    if (char === '.' && !inString) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}
