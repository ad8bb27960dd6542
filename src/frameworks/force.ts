import type { Severity } from '../checks/check.ts';
import type { Localized } from '../model/localized.ts';

/**
 * How strongly the cited clause asks for a requirement, in the guideline's own words:
 * 必要 / 必須 / 必ず / ものとする (must), 望ましい (desirable), 推奨 (recommended), 確認する (confirm).
 */
export type Force = 'must' | 'desirable' | 'recommended' | 'confirm';
export const FORCES: readonly Force[] = ['must', 'recommended', 'desirable', 'confirm'];

export const FORCE_LABEL: Readonly<Record<Force, Localized>> = {
  must: { ja: '必須', en: 'must' },
  recommended: { ja: '推奨', en: 'recommended' },
  desirable: { ja: '望ましい', en: 'desirable' },
  confirm: { ja: '確認', en: 'confirm' },
};

/**
 * The highest severity a finding may carry under a requirement of each force. A desirable or
 * recommended item stays below every must-level severity above "low", so it never outranks a
 * must; a confirm item is information (its requirement is reported MANUAL, see summary.ts).
 */
export const FORCE_CEILING: Readonly<Record<Force, Severity>> = {
  must: 'critical',
  recommended: 'low',
  desirable: 'low',
  confirm: 'info',
};
