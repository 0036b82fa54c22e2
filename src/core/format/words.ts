/**
 * Words every host shows for the same thing, defined once. English here; a host that
 * localises its UI translates them with these exact strings as keys.
 */

/** Pace of a KPI against the elapsed share of its period, and a KPI without figures. */
export type PaceWord = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

export const PACE_WORDS: Record<PaceWord, string> = {
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  'no-data': 'no data',
};

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
