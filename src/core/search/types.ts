/** One searchable record: an entity, or a plain Markdown document without front matter. */
export interface SearchDoc {
  /** Unique key, e.g. `partner:PTN-001` or `doc:brand/readme.md`. */
  key: string;
  /** Entity kind, or `document` for plain Markdown without front matter. */
  kind: string;
  /** Entity id; `''` for plain documents. */
  id: string;
  title: string;
  /** Posix path relative to the workspace root. */
  file: string;
  /** 1-based line of the entity in its file. */
  line: number;
  /** The entity's top-level fields as plain JSON. */
  fields: Record<string, unknown>;
  /** Body text (Markdown body); may be `''`. */
  text: string;
  /** 1-based file line on which `text` starts. */
  textLine: number;
  /** Where an entity is in its file (YAML document and path), to resolve its line when a hit needs it. */
  anchor?: { doc: number; path: readonly (string | number)[] };
}

export interface SearchOptions {
  /** Only documents of this kind (same as a `kind:` filter). */
  kind?: string;
  /** Maximum number of results; default 20. `total` still counts every match. */
  limit?: number;
  /** Month (1–12) in which fiscal periods start, for `period:<FY2027`; default 1. */
  fiscalYearStart?: number;
}

export interface SearchHit {
  id: string;
  kind: string;
  title: string;
  file: string;
  /** 1-based line of the first body match, else the entity's line. */
  line: number;
  score: number;
  /** About 120 characters of single-line context around the first match, no markup. */
  snippet: string;
}

/** The `opsbook search --format json` shape. */
export interface SearchResponse {
  query: string;
  /** Number of matching documents before `limit`. */
  total: number;
  /** Best first. */
  results: SearchHit[];
}

export type FilterOp = ':' | '>' | '<' | '>=' | '<=';

/** `field:value`, `-field:value`, `field:>value` … as written in the query. */
export interface FieldFilter {
  /** Field name or dotted path (`contract.end`); `kind`, `id`, `title` and `file` are built in. */
  field: string;
  op: FilterOp;
  /** The value with any surrounding quotes removed. */
  value: string;
  negate: boolean;
}

/** A query split into its parts. Parsing never throws: problems go to `errors`. */
export interface ParsedQuery {
  /** Free words, as typed; every one must match. */
  terms: string[];
  /** `"exact phrases"` without the quotes; every one must occur. */
  phrases: string[];
  filters: FieldFilter[];
  /** `-word`: documents containing the word (exactly) are left out. */
  excludedTerms: string[];
  /** `-"phrase"`: documents containing the phrase are left out. */
  excludedPhrases: string[];
  /** Human-readable notes about syntax that was ignored or repaired. */
  errors: string[];
}
