import { safeRegExp } from '../config/safeRegExp';

/** What `proposeNextId` follows besides the ids in use. */
export interface NextIdOptions {
  /** The kind's declared `idPattern`: the proposal must match it. */
  idPattern?: string;
}

/** Ids of one numbering scheme: the same text around a counter written with the same width. */
interface Family {
  prefix: string;
  suffix: string;
  /** Digits of a zero-padded counter (`007` → 3); 0 when the counter is written without padding. */
  width: number;
  /** The lowest counter seen: a "counter" that never changes across several ids is part of a name (`H2` in `PL-FY25-H2-BER`). */
  min: number;
  max: number;
  count: number;
  /** Position in the input of the family's last id: the scheme used most recently. */
  last: number;
}

// The last run of ASCII digits is the counter: `SKU-LJ-250` → `SKU-LJ-` 250, `E007` → `E` 007.
const COUNTER = /^(.*?)(\d+)(\D*)$/s;
/** Counters above this are not counters (a phone number, a timestamp): nothing is proposed from them. */
const MAX_COUNTER = Number.MAX_SAFE_INTEGER / 2;

/**
 * Proposes the next id for a kind from the ids already in use (in file order):
 * `E007` → `E008`, `P-0009` → `P-0010`, `SKU-LJ-250` → `SKU-LJ-251`. When ids follow several
 * schemes, the one with the most ids wins, and among equals the one used last. The result never
 * equals an id in use (compared case-insensitively, as file names are on some systems) and
 * matches `idPattern` when one is declared. Returns undefined when no id in use has a counter to
 * follow (`门店-上海`), when named ids outnumber the ids of the best scheme, or when none fits the
 * declared pattern: the caller then asks for an id.
 */
export function proposeNextId(ids: readonly string[], options: NextIdOptions = {}): string | undefined {
  let fits: (id: string) => boolean = () => true;
  if (options.idPattern !== undefined) {
    try {
      const re = safeRegExp(options.idPattern, 'u');
      fits = (id) => re.test(id);
    } catch {
      return undefined; // an invalid or unsafe pattern (reported by id/pattern): nothing can be shown to fit it
    }
  }
  const taken = new Set(ids.map((id) => id.toLowerCase()));
  const families = new Map<string, Family>();
  let withoutCounter = 0;
  ids.forEach((id, index) => {
    if (!fits(id)) return;
    const m = COUNTER.exec(id);
    if (!m) {
      withoutCounter++;
      return;
    }
    const [, prefix = '', digits = '', suffix = ''] = m;
    const value = Number(digits);
    if (!Number.isSafeInteger(value) || value > MAX_COUNTER) return;
    const width = digits.length > 1 && digits.startsWith('0') ? digits.length : 0;
    // `E010` and `E100` are written in the same scheme as `E007`: a counter as wide as the
    // padding, without a leading zero, joins the padded family when there is one.
    const key = familyKey(prefix, suffix, width);
    const padded = width === 0 ? families.get(familyKey(prefix, suffix, digits.length)) : undefined;
    const family = padded ?? families.get(key) ?? { prefix, suffix, width, min: value, max: -1, count: 0, last: index };
    family.min = Math.min(family.min, value);
    family.max = Math.max(family.max, value);
    family.count++;
    family.last = index;
    if (!padded) families.set(key, family);
  });
  mergeNaturalIntoPadded(families);
  const ranked = rank(families.values());
  // `STD-SVC-001`, `STD-OPS-002`, `STD-VM-003`: one counter runs across a topic code. When no
  // exact scheme repeats, schemes of the same shape share their counter.
  if ((ranked[0]?.count ?? 0) < 2) ranked.unshift(...rank(byShape(families.values())).filter((f) => f.count >= 2));
  // Mostly named ids (`PRJ-EAST-POPUP`) with a number in one of them (`PRJ-EAST-618-PROMO`, a
  // shopping festival): that number is a name, not a counter.
  if ((ranked[0]?.count ?? 0) < withoutCounter) return undefined;
  // The same number in every id whose text before it has one shape (`H2` in `PL-GJ25-H2`,
  // `PL-GJ25-H2-BER`, `PL-GJ25-H2-HH`) is part of the name, not a counter: nothing is proposed from it.
  const leadKey = (f: Family) => `${shapeOf(f.prefix)}\u0000${f.width}`;
  const spread = new Map<string, { min: number; max: number; count: number }>();
  for (const f of families.values()) {
    const k = leadKey(f);
    const s = spread.get(k);
    if (s) Object.assign(s, { min: Math.min(s.min, f.min), max: Math.max(s.max, f.max), count: s.count + f.count });
    else spread.set(k, { min: f.min, max: f.max, count: f.count });
  }
  const fixed = (f: Family): boolean => {
    const s = spread.get(leadKey(f))!;
    return s.count >= 2 && s.min === s.max;
  };
  for (const f of ranked) {
    if (fixed(f)) continue;
    for (let n = f.max + 1, tries = 0; tries < 1000; n++, tries++) {
      const candidate = `${f.prefix}${String(n).padStart(f.width, '0')}${f.suffix}`;
      if (taken.has(candidate.toLowerCase())) continue;
      if (fits(candidate)) return candidate;
      break; // the next counter of this scheme leaves the pattern (e.g. one digit too many): try another scheme
    }
  }
  return undefined;
}

function rank(families: Iterable<Family>): Family[] {
  return [...families].sort((a, b) => b.count - a.count || b.last - a.last);
}

/** Schemes grouped by shape (letters and digits of the surrounding text generalized); each keeps the text of its highest id. */
function byShape(families: Iterable<Family>): Family[] {
  const shapes = new Map<string, Family>();
  for (const f of families) {
    const key = familyKey(shapeOf(f.prefix), shapeOf(f.suffix), f.width);
    const s = shapes.get(key);
    if (!s) {
      shapes.set(key, { ...f });
      continue;
    }
    if (f.max > s.max) {
      s.prefix = f.prefix;
      s.suffix = f.suffix;
      s.max = f.max;
    }
    s.count += f.count;
    s.last = Math.max(s.last, f.last);
  }
  return [...shapes.values()];
}

function shapeOf(text: string): string {
  return text.replace(/\p{L}+/gu, 'a').replace(/\d+/g, '9');
}

function familyKey(prefix: string, suffix: string, width: number): string {
  return `${prefix}\u0000${suffix}\u0000${width}`;
}

/** Unpadded counters read before the first padded one (`E100`, then `E007`) join the padded family of the same width. */
function mergeNaturalIntoPadded(families: Map<string, Family>): void {
  for (const [key, natural] of families) {
    if (natural.width !== 0) continue;
    const width = String(natural.max).length;
    const padded = families.get(familyKey(natural.prefix, natural.suffix, width));
    if (!padded || padded === natural) continue;
    padded.max = Math.max(padded.max, natural.max);
    padded.min = Math.min(padded.min, natural.min);
    padded.count += natural.count;
    padded.last = Math.max(padded.last, natural.last);
    families.delete(key);
  }
}
