import { type OpsbookWorkspace, plural, searchFromCache, type SearchResponse } from '../../core';
import { COMMON_HELP, open, parse, session } from '../common';
import { EXIT_OK, UsageError, type CliIo } from '../io';

export const searchHelp = `Usage: opsbook search <query> [options]

Searches entities and documents. Query syntax:
  words            every word must match (prefix and typo tolerant): greeting
  "exact phrase"   the phrase as written: "mall counter"
  field:value      a top-level field (also kind: and id:): status:approved kind:standard
  -field:value     exclude matches: -status:retired   (also -word)
  field:>value     numbers and dates: list_price:>2000 due:<2026-07-01 (also >=, <=)
                   periods by their days: period:>2026-Q1 (after Q1), period:<FY2027,
                   period:>=2026-Q1 period:<=2026-Q2 (inside the first half)

Options:
  --kind K             only entities of kind K
  --limit N            at most N results (default 20)
  --format text|json   output format (default: text)
${COMMON_HELP}`;

export async function runSearch(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { kind: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' } });
  if (values.help) {
    io.stdout(searchHelp + '\n');
    return EXIT_OK;
  }
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('a query is required, e.g. opsbook search "greeting kind:standard"');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got "${format}"`);
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number ≥ 1, got "${values.limit}"`);
  const options: { limit: number; kind?: string } = { limit };
  if (values.kind) options.kind = values.kind;
  // The index a previous search wrote to the warm-start cache answers without reading unchanged files.
  const started = await session(io, values);
  let res: SearchResponse | undefined;
  try {
    res = await searchFromCache(started.init, started.setup, query, options);
  } catch {
    res = undefined;
  }
  let ws: OpsbookWorkspace | undefined;
  if (!res) {
    ws = await open(io, values, started);
    res = ws.search(query, options);
  }
  io.stdout(render(query, res, format));
  // Written after the answer: the next search (from a script, a terminal) reads it instead of every file.
  if (ws) await ws.saveSearch().catch(() => undefined);
  return EXIT_OK;
}

function render(query: string, res: SearchResponse, format: string): string {
  if (format === 'json') return JSON.stringify({ query: res.query, total: res.total, results: res.results }, null, 2) + '\n';
  if (res.results.length === 0) return `No results for ${JSON.stringify(query)}.\n`;
  const lines = res.results.map((h) => `${h.file}:${h.line}  ${h.kind}  ${h.id ? `${h.id}  ` : ''}${h.title}\n    ${h.snippet}`);
  lines.push('', `${plural(res.total, 'result')}${res.total > res.results.length ? `, showing ${res.results.length}` : ''}`);
  return lines.join('\n') + '\n';
}
