import { cloudDefault, derived, explicit, type Fact, unknown } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import type { TerraformConfiguration } from './configuration.ts';
import { isCreated, type TfInstance } from './document.ts';

/**
 * Terraform resources are turned into the record the cloud's own export would hold (an AWS
 * Config item, an ARM resource, a Cloud Asset) and read by the export adapters, so every check
 * sees the same facts from a plan as from an inventory. Each value copied into that record
 * leaves a mark: the native path it went to, the Terraform attribute it came from, and what
 * the plan knows of it. The adapters' facts are then re-pointed at the Terraform attributes,
 * and a fact built from a value the plan does not know becomes unknown, never a default.
 */

/**
 * `known`: the plan shows the value; `absent`: it shows null (not set); `unknown`: known after
 * apply; `sensitive`: not read; `unmanaged`: the configuration does not manage the setting;
 * `assumed`: the cloud's default for a resource the plan creates.
 */
export type MarkState = 'known' | 'absent' | 'unknown' | 'sensitive' | 'unmanaged' | 'assumed';

interface Mark {
  readonly nativePath: string;
  /** `aws_s3_bucket_public_access_block.b.block_public_acls`. */
  readonly tfPath: string;
  readonly state: MarkState;
  readonly note?: Localized;
}

export const KNOWN_AFTER_APPLY: Localized = {
  ja: '適用後に決まる値です（known after apply）',
  en: 'known after apply',
};

export const SENSITIVE_NOTE: Localized = {
  ja: 'Terraform が機密値としているため読みません（値は表示しません）',
  en: 'marked sensitive by Terraform: not read (the value is never shown)',
};

/** Which side of a change is being read: the plan's result, or the state before an update. */
export type Side = 'after' | 'before';

export class Translation {
  readonly #marks: Mark[] = [];

  readonly side: Side;
  /** The configuration, whose constants give what a plan marks sensitive as part of a block. */
  readonly #config: TerraformConfiguration | undefined;

  constructor(side: Side, config?: TerraformConfiguration) {
    this.side = side;
    this.#config = config;
  }

  /** The values of an instance on this side. */
  valuesOf(instance: TfInstance) {
    return this.side === 'before' ? (instance.before ?? instance.after) : instance.after;
  }

  /**
   * Reads a Terraform attribute for the native record: its value when the plan knows it,
   * otherwise undefined, with a mark saying why (unknown until apply, sensitive, absent).
   */
  read(instance: TfInstance, attribute: string, nativePath: string): unknown {
    const read = this.valuesOf(instance).read(attribute);
    const tfPath = `${instance.address}.${attribute}`;
    if (read.state === 'known') {
      this.#marks.push({ nativePath, tfPath, state: 'known' });
      return read.value;
    }
    // Terraform marks a whole block sensitive when one of its arguments comes from a sensitive
    // variable (`rule` of an encryption configuration whose key is `var.kms_key_arn`): an
    // argument the configuration writes as a constant is in the configuration in the clear.
    const constant =
      read.state === 'sensitive' && this.side === 'after'
        ? this.#config?.constantAt(instance, attribute)
        : undefined;
    if (constant) {
      this.#marks.push({ nativePath, tfPath, state: 'known' });
      return constant.value;
    }
    this.#marks.push({ nativePath, tfPath, state: read.state });
    return undefined;
  }

  /**
   * Reads an Optional+Computed attribute (an NSG's inline `security_rule`, a storage account's
   * `network_rules`). Unknown in a plan when the configuration leaves it out of a new resource:
   * the provider then fills in the cloud's default, which is what the export adapters assume of
   * an absent field, so it is read as absent.
   */
  readComputed(instance: TfInstance, attribute: string, nativePath: string, configured: boolean): unknown {
    const isNew = isCreated(instance);
    if (!configured && isNew && this.valuesOf(instance).read(attribute).state === 'unknown') {
      this.#marks.push({ nativePath, tfPath: `${instance.address}.${attribute}`, state: 'known' });
      return undefined;
    }
    return this.read(instance, attribute, nativePath);
  }

  /** Records where a value the translation derived (not read from one attribute) came from. */
  mark(nativePath: string, tfPath: string, state: MarkState, note?: Localized): void {
    this.#marks.push(note ? { nativePath, tfPath, state, note } : { nativePath, tfPath, state });
  }

  /**
   * The adapter's facts, pointed at the Terraform attributes they came from. A fact whose
   * native field took (or sits under) a value the plan does not know is unknown, with why.
   */
  rewrite(facts: object): object {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(facts)) {
      result[key] = isFact(value) ? this.#rewriteFact(value) : value;
    }
    return result;
  }

  #rewriteFact(fact: Fact<unknown>): Fact<unknown> {
    const related = this.#marks.filter(
      (mark) => isUnder(fact.path, mark.nativePath) || isUnder(mark.nativePath, fact.path),
    );
    if (related.length === 0) return fact;
    const blocking =
      related.find((m) => m.state === 'unknown') ??
      related.find((m) => m.state === 'sensitive') ??
      related.find((m) => m.state === 'unmanaged');
    if (blocking)
      return unknown(blocking.tfPath, blocking.note ?? NOTES[blocking.state as keyof typeof NOTES]);
    // The most specific mark above the fact names the attribute; else the first below it.
    const best =
      related
        .filter((mark) => isUnder(fact.path, mark.nativePath))
        .sort((a, b) => b.nativePath.length - a.nativePath.length)[0] ?? related[0]!;
    // The export adapter's reason for an unknown speaks of its export; a null in the plan is plainer.
    if (fact.source === 'unknown') return unknown(best.tfPath, best.state === 'absent' ? NOT_SET : fact.note);
    // A derived fact keeps what it was worked out from: the attribute, with its own value.
    if (fact.field) return derived(fact.value, atAttribute(fact.field, best));
    return atAttribute(fact, best);
  }
}

/** A known fact named by the Terraform attribute its native field came from. */
function atAttribute(fact: Fact<unknown>, mark: Mark): Fact<unknown> {
  if (fact.source === 'unknown') return fact;
  if (mark.state === 'assumed') return cloudDefault(fact.value, mark.tfPath, mark.note ?? NOTES.assumed);
  return fact.source === 'explicit'
    ? explicit(fact.value, mark.tfPath)
    : cloudDefault(fact.value, mark.tfPath, fact.note);
}

const NOT_SET: Localized = {
  ja: '計画でこの値は設定されていません（null）',
  en: 'not set in the plan (null)',
};

const NOTES: Readonly<Record<Exclude<MarkState, 'known' | 'absent'>, Localized>> = {
  unknown: KNOWN_AFTER_APPLY,
  sensitive: SENSITIVE_NOTE,
  unmanaged: {
    ja: 'この設定は Terraform の構成で管理されておらず、計画からは分かりません',
    en: 'this setting is not managed in the Terraform configuration, so the plan cannot show it',
  },
  assumed: {
    ja: '構成にないため、作成時のクラウドの既定値です',
    en: 'not in the configuration: the cloud’s default at creation',
  },
};

function isFact(value: unknown): value is Fact<unknown> {
  return typeof value === 'object' && value !== null && 'source' in value && 'path' in value;
}

/** `a.b[0].c` is under `a.b` and under itself. */
function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
