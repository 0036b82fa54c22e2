import { DASHBOARD_DATA_VERSION, type DashboardData } from '../dashboard/types';
import type { CachedFile, SearchPart, SearchPartChunks, WarmCache, WorkspaceFileSystem } from '../host';
import { SectionReader, SectionWriter } from '../search/sections';
import { readTable, writeTable } from './table';
import { recheck, recheckInputs, type RecheckInputs, type StampedSetup } from './verify';

/** Layout version of the report part; another one is ignored (and rewritten by the next report that opens the workspace). */
const FORMAT = 1;

/** What a report adds to the data at each run: the page title and the time it was generated. */
export interface ReportHeader {
  title: string;
  generatedAt: string;
}

/**
 * The report part: the dashboard data a report built from the model (as JSON, so it comes back
 * exactly as `JSON.stringify` wrote it), the date and data version it was built for, and the
 * file table of the workspace it was built from. Undefined when the data has no title and
 * generation time to replace (their places in the JSON are kept) or cannot be stored exactly.
 */
export function packReport(data: DashboardData, files: Record<string, CachedFile>, savedAt: number): SearchPartChunks | undefined {
  if (typeof data.title !== 'string' || typeof data.generatedAt !== 'string') return undefined;
  const out = new SectionWriter();
  if (!writeTable(out, files) || !out.strings('data', [JSON.stringify({ ...data, title: '', generatedAt: '' })], true)) return undefined;
  return out.finish({ format: FORMAT, savedAt, today: data.asOf, version: DASHBOARD_DATA_VERSION });
}

/** Writes the report part, when the cache has one and the data can be stored exactly. */
export async function saveReportPart(
  cache: WarmCache,
  signature: string,
  data: DashboardData,
  files: Record<string, CachedFile>,
  savedAt: number,
): Promise<void> {
  const chunks = cache.saveReport && packReport(data, files, savedAt);
  if (chunks) await cache.saveReport!(signature, chunks);
}

/**
 * The dashboard data from the report part, with this run's header, when it was built for the
 * same date and the workspace's files are the ones it was built from (see `recheck`: files
 * modified just before it was written are re-read and compared by content). Undefined
 * otherwise: any changed content can change a diagnostic, and the workspace-health view counts
 * them all, so the caller builds the data from the model.
 */
export function reportInPart(part: SearchPart, inputs: RecheckInputs & { today: string }, header: ReportHeader): Promise<DashboardData | undefined> {
  return reportIn(part, inputs, header)
    .catch(() => undefined)
    .finally(() => part.close());
}

async function reportIn(part: SearchPart, inputs: RecheckInputs & { today: string }, header: ReportHeader): Promise<DashboardData | undefined> {
  const stored = new SectionReader(part);
  const meta = stored.meta as { format?: unknown; savedAt?: unknown; today?: unknown; version?: unknown } | null;
  if (!meta || meta.format !== FORMAT || meta.version !== DASHBOARD_DATA_VERSION || meta.today !== inputs.today || typeof meta.savedAt !== 'number')
    return undefined;
  const table = readTable(stored);
  if (!table || !(await recheck(table, meta.savedAt, inputs))) return undefined;
  const [json] = stored.strings('data');
  const data = JSON.parse(json ?? 'null') as DashboardData | null;
  if (!data || typeof data !== 'object' || data.version !== DASHBOARD_DATA_VERSION || data.asOf !== inputs.today) return undefined;
  if (typeof data.title !== 'string' || typeof data.generatedAt !== 'string') return undefined;
  // Assigned in place: the keys keep their places, so the JSON is the one a cold run writes.
  data.title = header.title;
  data.generatedAt = header.generatedAt;
  return data;
}

/**
 * The dashboard data for a report from the report part of the warm-start cache (written by a
 * report that opened the workspace), when the workspace is unchanged since; undefined otherwise.
 */
export async function reportFromPart(
  cache: WarmCache,
  fs: WorkspaceFileSystem,
  setup: StampedSetup & { today: string },
  signature: string,
  header: ReportHeader,
): Promise<DashboardData | undefined> {
  const part = await cache.loadReport?.(signature);
  if (!part) return undefined;
  let inputs: RecheckInputs;
  try {
    inputs = await recheckInputs(cache, fs, setup);
  } catch {
    part.close();
    return undefined;
  }
  return reportInPart(part, { ...inputs, today: setup.today }, header);
}
