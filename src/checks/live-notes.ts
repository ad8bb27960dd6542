import type { Lang, Localized } from '../model/localized.ts';

/**
 * The notes of facts (what a value could not be read from, which default stands in) are worded
 * once, in the sources, for the export files they read: "the export has no keyType". A
 * resource the live scan read came from no export, so its evidence and messages speak of "the
 * live scan's data" instead; one read from a Terraform plan, of "the plan"; from a state, of
 * "the state". The wording is chosen by the resource's origin, as missing-data.ts chooses its
 * messages. Only the export meant as the input is reworded, never a cloud feature of that name
 * (RDS log exports, 「ログのエクスポート設定」), nor a possessive ("the export's …", which the
 * rewording would not read well in: such texts are worded for every origin instead).
 */
const EXPORT_WORDING: Readonly<Record<Lang, RegExp>> = {
  en: /\b[Tt]h(?:e|is) export\b(?![’']s)/g,
  ja: /(?:この)?エクスポート(?=に|から)/g,
};

/**
 * Inputs other than export files, whose notes name what they read instead of "the export": a
 * Terraform state's resources are worded as a plan's, then the plan named the state (stateWording).
 */
export type ReadKind = 'live' | 'plan' | 'state';

const WORDING: Readonly<Record<Exclude<ReadKind, 'state'>, Localized>> = {
  live: { en: "the live scan's data", ja: 'ライブ スキャンで読み取った内容' },
  plan: { en: 'the plan', ja: 'Terraform の計画' },
};

/**
 * The plan, as texts worded for a plan's resources name it ("the Terraform plan", "a plan",
 * "this plan", 「Terraform の計画」, 「計画外」); a Defender plan or an App Service plan is named
 * without an article, and is not the input.
 */
const PLAN_WORDING: Readonly<Record<Lang, RegExp>> = {
  en: /\b([Aa]|[Tt]he|[Tt]his) (Terraform )?plan\b/g,
  ja: /計画/g,
};

/** A text worded for a plan's resource, as it reads for a state's: the state is named instead. */
export function stateWording(text: string, lang: Lang): string {
  return lang === 'en'
    ? text.replace(PLAN_WORDING.en, '$1 $2state')
    : text.replace(PLAN_WORDING.ja, 'ステート');
}

/** A note's text, as it reads for a resource of that kind of input. */
export function rewordExport(text: string, lang: Lang, kind: ReadKind): string {
  if (kind === 'state') return stateWording(rewordExport(text, lang, 'plan'), lang);
  const wording = WORDING[kind][lang];
  return text.replace(EXPORT_WORDING[lang], (phrase) =>
    phrase.startsWith('T') ? `${wording[0]!.toUpperCase()}${wording.slice(1)}` : wording,
  );
}

/** A note's text, as it reads for a resource read live. */
export function liveWording(text: string, lang: Lang): string {
  return rewordExport(text, lang, 'live');
}

// Notes are shared objects (model/fact.ts): each is reworded once per kind of input.
const REWORDED: Readonly<Record<ReadKind, WeakMap<Localized, Localized>>> = {
  live: new WeakMap(),
  plan: new WeakMap(),
  state: new WeakMap(),
};

/** The note as it reads for a resource of that kind of input: the same object when it names no export. */
export function originNote(note: Localized, kind: ReadKind): Localized {
  const cache = REWORDED[kind];
  let reworded = cache.get(note);
  if (!reworded) {
    const ja = rewordExport(note.ja, 'ja', kind);
    const en = rewordExport(note.en, 'en', kind);
    reworded = ja === note.ja && en === note.en ? note : { ja, en };
    cache.set(note, reworded);
  }
  return reworded;
}
