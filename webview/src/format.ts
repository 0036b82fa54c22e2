import * as l10n from '@vscode/l10n';
import { Formatter, NONE } from '../../src/core/format/format';
import { relativeDays } from '../../src/core/format/words';

/**
 * The core formatter in the workspace's `locale:` (numbers, money, percents, dates: one output
 * for one value in every host), plus the relative-day words (core's) in the display language.
 */
export class Format extends Formatter {
  /** "in 46 days", "15 days ago", "today". */
  days(n: number | undefined): string {
    return relativeDays(n, (x) => this.number(x), l10n);
  }
}

/** Human label of a slug: `in-review` → "in review". */
export function label(slug: string | undefined): string {
  return slug === undefined ? NONE : slug.replace(/-/g, ' ');
}
