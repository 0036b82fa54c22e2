import type { EntityChange, FieldChange, SectionChange, WordHunk } from './types';
import type { JsonValue } from '../types';
import { plural } from '../format/words';

/** How a format writes the pieces of a phrase: plain text, document values, removed and added words. */
export interface Style {
  text(s: string): string;
  value(v: JsonValue): string;
  del(s: string): string;
  ins(s: string): string;
  strong(s: string): string;
  /** A file path. */
  path(s: string): string;
}

/** A document value in one short line: strings as they are, lists and maps compactly, long ones clipped. */
export function valueText(v: JsonValue, max = 80): string {
  const s = typeof v === 'string' ? v : compact(v);
  const line = s.replace(/\s*[\r\n]+\s*/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function compact(v: JsonValue): string {
  if (Array.isArray(v)) return `[${v.map(compact).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${compact(x)}`)
      .join(', ')} }`;
  return String(v);
}

function signed(n: number, digits?: number): string {
  const s = digits === undefined ? String(n) : n.toFixed(digits);
  return n > 0 ? `+${s}` : s.replace(/^-/, '−');
}

/** `+1300, +10.0%` */
export function numberChange(f: FieldChange): string {
  const parts: string[] = [];
  if (f.delta !== undefined) parts.push(signed(f.delta));
  if (f.percent !== undefined) parts.push(`${signed(f.percent, Math.abs(f.percent) >= 1000 ? 0 : 1)}%`);
  return parts.join(', ');
}

/** One field change in business terms: `list_price 12999 → 14299 (+1300, +10.0%)`. */
export function fieldPhrase(f: FieldChange, st: Style): string {
  const path = st.text(f.path);
  const follows = f.followsRename ? st.text(' (follows the rename)') : '';
  if (f.change === 'added') {
    const label = keyedItemLabel(f.after);
    return label !== undefined ? `${path} added${label ? ` (${st.value(label)})` : ''}` : `${path} added: ${st.value(f.after as JsonValue)}`;
  }
  if (f.change === 'removed') {
    const label = keyedItemLabel(f.before);
    return label !== undefined ? `${path} removed${label ? ` (${st.value(label)})` : ''}` : `${path} removed (was ${st.value(f.before as JsonValue)})`;
  }
  if (f.added || f.removed) {
    const parts: string[] = [];
    if (f.added?.length) parts.push(`added ${f.added.map((v) => st.value(v)).join(', ')}`);
    if (f.removed?.length) parts.push(`removed ${f.removed.map((v) => st.value(v)).join(', ')}`);
    return `${path}: ${parts.join('; ')}${follows}`;
  }
  const arrow = `${st.value(f.before as JsonValue)} → ${st.value(f.after as JsonValue)}`;
  const n = numberChange(f);
  return `${path} ${arrow}${n ? ` (${n})` : ''}${follows}`;
}

/** For an item added to or removed from a keyed list: its title (`''` when it has none); undefined for other values. */
function keyedItemLabel(v: JsonValue | undefined): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const t = v['title'] ?? v['name'] ?? v['metric'];
  return typeof t === 'string' ? t : '';
}

/** `clause 3.2`, `section "Background"`, `introduction`. */
export function sectionLabel(s: { clause?: string; heading: string }): string {
  return s.clause ? `clause ${s.clause}` : s.heading ? `section "${s.heading}"` : 'introduction';
}

/** One section change: `clause 3.2 reworded`, `clause 3.5 added ("Gift wrapping")`. */
export function sectionPhrase(s: SectionChange, st: Style): string {
  const label = st.text(sectionLabel(s));
  const title = s.clause ? s.heading.replace(/^(?:§\s*)?\d+(?:\.\d+)*\.?\s*/, '') : '';
  const titled = title ? ` (${st.text(`"${title}"`)})` : '';
  switch (s.change) {
    case 'added':
      return `${label} added${titled}`;
    case 'removed':
      return `${label} removed${titled}`;
    case 'changed':
      return `${label} reworded`;
    case 'renamed': {
      const prev = s.previousHeading ?? '';
      const prevClause = /^(?:§\s*)?(\d+(?:\.\d+)*)/.exec(prev)?.[1];
      const what = s.clause && prevClause && prevClause !== s.clause ? `renumbered (was ${prevClause})` : `retitled ${st.text(`"${prev}" → "${s.heading}"`)}`;
      return `${label} ${what}${s.textChanged ? ' and reworded' : ''}`;
    }
  }
}

/** A word-level excerpt: `… within ~~30~~ **45** seconds of …`. */
export function hunkPhrase(h: WordHunk, st: Style): string {
  const parts: string[] = [];
  if (h.leadingCut) parts.push('…');
  if (h.before) parts.push(st.text(h.before));
  if (h.removed) parts.push(st.del(h.removed));
  if (h.added) parts.push(st.ins(h.added));
  if (h.after) parts.push(st.text(h.after));
  if (h.trailingCut) parts.push('…');
  return parts.join(' ');
}

/** The short line about one change: what happened, the first details, and review failures. */
export function gist(c: EntityChange, st: Style, maxItems = 2): string {
  const parts: string[] = [];
  if (c.change === 'added') parts.push('added');
  if (c.change === 'removed') parts.push('removed');
  if (c.change === 'moved') parts.push(`moved from ${st.path(c.previousFile ?? '?')} to ${st.path(c.file)}`);
  if (c.change === 'renamed') parts.push(`renamed from ${st.text(c.previousId ?? '?')}`);
  const details = [...c.sections.map((s) => sectionPhrase(s, st)), ...c.fields.map((f) => fieldPhrase(f, st))];
  if (details.length > 0 && details.length <= maxItems) parts.push(...details);
  else if (details.length > maxItems) parts.push(changeCount(c));
  if (c.review.includes('review/version-not-bumped')) parts.push(st.strong('version not bumped'));
  if (c.review.includes('review/approval-stale')) parts.push('still marked approved');
  return parts.join(', ');
}

/** `3 fields, 2 sections`. */
export function changeCount(c: EntityChange): string {
  const parts: string[] = [];
  if (c.sections.length) parts.push(plural(c.sections.length, 'section'));
  if (c.fields.length) parts.push(`${c.fields.length} field${c.fields.length === 1 ? '' : 's'}`);
  return `${parts.join(', ')} changed`;
}

/** Plain text for terminals: values as they are, removed and added words as `[-old-]{+new+}`. */
export const plainStyle: Style = {
  text: (s) => s,
  value: (v) => valueText(v),
  del: (s) => `[-${s}-]`,
  ins: (s) => `{+${s}+}`,
  strong: (s) => s,
  path: (s) => s,
};
