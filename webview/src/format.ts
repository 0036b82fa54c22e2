import * as l10n from '@vscode/l10n';
import { Formatter, NONE } from '../../src/core/format/format';

/**
 * The core formatter in the workspace's `locale:` (numbers, money, percents, dates: one output
 * for one value in every host), plus the relative-day words the dashboard shows in the
 * display language.
 */
export class Format extends Formatter {
  /** "in 46 days", "15 days ago", "today". */
  days(n: number | undefined): string {
    if (n === undefined) return NONE;
    if (n === 0) return l10n.t('today');
    const abs = this.number(Math.abs(n));
    if (n > 0) return Math.abs(n) === 1 ? l10n.t('in {0} day', abs) : l10n.t('in {0} days', abs);
    return Math.abs(n) === 1 ? l10n.t('{0} day ago', abs) : l10n.t('{0} days ago', abs);
  }
}

/** Human label of a slug: `in-review` → "in review". */
export function label(slug: string | undefined): string {
  return slug === undefined ? NONE : slug.replace(/-/g, ' ');
}
