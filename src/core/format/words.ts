import type * as l10n from '@vscode/l10n';
import { NONE } from './format';

/**
 * Words every host shows for the same thing, defined once. English here; a host that
 * localises its UI translates them with these exact strings as keys.
 */

/** Pace of a KPI against the elapsed share of its period, and a KPI without figures. */
export type PaceWord = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

/**
 * What a host translates with: the `@vscode/l10n` module, or nothing for English. The pace
 * words below call `l10n.t` with literals, so `npm run l10n:export` finds them here, once, and
 * every host shows the same words in its display language. (The import is for types only,
 * and tells the extractor that `l10n.t` is a translation call; nothing of it runs in core.)
 */
export interface Translator {
  t(message: string, ...args: l10n.L10nReplacement[]): string;
}

/** English: the message itself, `{0}`, `{1}` … filled in as `@vscode/l10n` fills them. */
const ENGLISH: Translator = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (all, i: string) => (args[Number(i)] === undefined ? all : String(args[Number(i)]))),
};

/** A KPI's pace in words: `on track`, `at risk`, `off track`, `no data`. */
export function paceText(p: PaceWord, l10n: Translator = ENGLISH): string {
  switch (p) {
    case 'on-track':
      return l10n.t('on track');
    case 'at-risk':
      return l10n.t('at risk');
    case 'off-track':
      return l10n.t('off track');
    case 'no-data':
      return l10n.t('no data');
  }
}

/** Status symbols beside pace words, so state never depends on colour alone. */
export const PACE_SYMBOLS: Record<PaceWord, string> = {
  'on-track': '✔',
  'at-risk': '⚠',
  'off-track': '✖',
  'no-data': '–',
};

/**
 * An entity named for a person: `Title (ID)`, or the id alone when it has no title (or the
 * title is the id).
 */
export function titled(id: string, title: string | undefined): string {
  const t = title?.trim();
  return t && t !== id ? `${t} (${id})` : id;
}

/** The title when there is one, else the id: for labels that show the id elsewhere. */
export function titleOr(id: string, title: string | undefined): string {
  const t = title?.trim();
  return t ? t : id;
}

/**
 * A count and its English noun: `1 file`, `3 files`, `2 entities` (`many` when the plural is not
 * `one` + s). For the English-only text of the CLI and core; a host that translates passes whole
 * phrases to `countOf` instead, so the translator sees the number in context.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${countOf(n, one, many)}`;
}

/** One form or the other by count, both given (already translated: `l10n.t('{0} plans', n)`). */
export function countOf(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/**
 * Days from today in words, in the display language: `today`, `in 46 days`, `15 days ago`, the
 * number in the workspace's locale (`number`: the workspace formatter's). The dashboard's
 * contract and due columns and the Registers view's partner rows say it the same way.
 */
export function relativeDays(n: number | undefined, number: (n: number) => string, l10n: Translator = ENGLISH): string {
  if (n === undefined || !Number.isFinite(n)) return NONE;
  if (n === 0) return l10n.t('today');
  const abs = number(Math.abs(n));
  if (n > 0) return Math.abs(n) === 1 ? l10n.t('in {0} day', abs) : l10n.t('in {0} days', abs);
  return Math.abs(n) === 1 ? l10n.t('{0} day ago', abs) : l10n.t('{0} days ago', abs);
}

/** Which way a KPI's series moves, as an arrow beside its attainment (the words say whether that is good). */
export const TREND_ARROWS: Record<'up' | 'down' | 'flat', string> = { up: '↗', down: '↘', flat: '→' };

/** A forecast's method in words: `run rate` (units that add up) or `trend` (levels). */
export function forecastMethodText(m: 'run-rate' | 'trend', l10n: Translator = ENGLISH): string {
  return m === 'run-rate' ? l10n.t('run rate') : l10n.t('trend');
}

/** The figure a forecast is written with: whole units from 100 up, one decimal below (its arithmetic follows in full). */
function forecastFigure(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
}

/** What `forecastText` says of a forecast (the plan tree's `KpiForecastNode` has it). */
export interface ForecastWords {
  value: number;
  ratio?: number | undefined;
  trend?: 'up' | 'down' | 'flat' | undefined;
  method: 'run-rate' | 'trend';
}

/**
 * A KPI's forecast in a few words: `forecast CN¥11,967,213 (99.7%) ↗ run rate`, its figure
 * rounded (`forecastFigure`) and written by `value` (money or the KPI's unit, in the caller's
 * locale), its ratio by `percent`. The tree, the hover and the Plans view all say it this way.
 */
export function forecastText(f: ForecastWords, value: (n: number) => string, percent: (ratio: number) => string, l10n: Translator = ENGLISH): string {
  const arrow = f.trend ? ` ${TREND_ARROWS[f.trend]}` : '';
  const figure = value(forecastFigure(f.value));
  return f.ratio !== undefined
    ? l10n.t('forecast {0} ({1}){2} by {3}', figure, percent(f.ratio), arrow, forecastMethodText(f.method, l10n))
    : l10n.t('forecast {0}{1} by {2}', figure, arrow, forecastMethodText(f.method, l10n));
}

/** A plan's burn in a few words: `spent 55.0% of budget, 38.9% expected by time elapsed` (or `by phasing`). */
export function burnText(spent: string, expected: string, method: 'phasing' | 'elapsed', l10n: Translator = ENGLISH): string {
  return method === 'phasing'
    ? l10n.t('spent {0} of budget, {1} expected by phasing', spent, expected)
    : l10n.t('spent {0} of budget, {1} expected by time elapsed', spent, expected);
}
