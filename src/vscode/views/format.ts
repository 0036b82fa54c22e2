/**
 * Numbers, money, percents and dates come from the core formatter (`core/format`) in the
 * workspace's `locale:`; what stays here is how the views count things.
 */

/** `1 plan` / `3 plans`: the caller passes both forms already translated (`l10n.t('{0} plans', n)`). */
export function countOf(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
