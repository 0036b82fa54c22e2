/**
 * The one message protocol between the dashboard webview and its host (the VS Code panel, or
 * the static report's in-page host). Shared by both sides; imports only data types, so it
 * bundles for the browser and the extension alike.
 */
import type { DashboardData } from './types';

export const TAB_IDS = ['kpi', 'budget', 'timeline', 'partners', 'inventory', 'training', 'health', 'people', 'market'] as const;
export type TabId = (typeof TAB_IDS)[number];

/** Filter values of one tab; an absent key means "all". */
export interface Filters {
  region?: string;
  period?: string;
  type?: string;
  status?: string;
}

export const FILTER_KEYS = ['region', 'period', 'type', 'status'] as const satisfies readonly (keyof Filters)[];

/** What the webview keeps across updates, hiding and reloads. */
export interface ViewState {
  tab: TabId;
  filters: Partial<Record<TabId, Filters>>;
  /** Charts currently shown as tables, by chart id; `open:<id>` for drill-downs left open. */
  tables?: Record<string, boolean>;
  /** Opaque to the webview: the host's key for the data source (the workspace folder URI). */
  source?: string;
}

// ---- host → webview -------------------------------------------------------------------------

/**
 * The webview's UI strings in the display language: an `@vscode/l10n` bundle (English source
 * string → translation). The extension host sends `vscode.l10n.bundle`; the report embeds
 * `l10n/bundle.l10n.<lang>.json` for `locale:`. Absent for English.
 */
export type L10nBundle = Record<string, string>;

/** Sent once in answer to `ready`, before the first `update`. */
export interface InitMessage {
  type: 'init';
  l10n?: L10nBundle;
}

/** New data; `state` (when given) replaces the webview's own state, e.g. after a restore. */
export interface UpdateMessage {
  type: 'update';
  data: DashboardData;
  state?: ViewState;
}

export interface HostErrorMessage {
  type: 'error';
  message: string;
}

export type ToWebview = InitMessage | UpdateMessage | HostErrorMessage;

// ---- webview → host -------------------------------------------------------------------------

/** The webview has loaded and listens: the host answers with `update`. */
export interface ReadyMessage {
  type: 'ready';
}

/** The user changed tab or filters; the host keeps them to restore the panel. */
export interface FilterMessage {
  type: 'filter';
  tab: TabId;
  filters: Filters;
}

/** Click-through: open `file` (workspace-relative posix path) at 1-based `line`. */
export interface OpenMessage {
  type: 'open';
  file: string;
  line: number;
}

export interface WebviewErrorMessage {
  type: 'error';
  message: string;
}

export type FromWebview = ReadyMessage | FilterMessage | OpenMessage | WebviewErrorMessage;

// ---- guards ---------------------------------------------------------------------------------

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isTabId(v: unknown): v is TabId {
  return typeof v === 'string' && (TAB_IDS as readonly string[]).includes(v);
}

export function isFilters(v: unknown): v is Filters {
  return isObject(v) && Object.entries(v).every(([k, x]) => (FILTER_KEYS as readonly string[]).includes(k) && (x === undefined || typeof x === 'string'));
}

export function isViewState(v: unknown): v is ViewState {
  if (!isObject(v) || !isTabId(v['tab']) || !isObject(v['filters'])) return false;
  if (!Object.entries(v['filters']).every(([k, f]) => isTabId(k) && isFilters(f))) return false;
  if (v['tables'] !== undefined && !(isObject(v['tables']) && Object.values(v['tables']).every((b) => typeof b === 'boolean'))) return false;
  return v['source'] === undefined || typeof v['source'] === 'string';
}

export function isBundle(v: unknown): v is L10nBundle {
  return isObject(v) && Object.values(v).every((x) => typeof x === 'string');
}

/** Checks the envelope of a host message (the data itself comes from the engine). */
export function isToWebview(v: unknown): v is ToWebview {
  if (!isObject(v)) return false;
  switch (v['type']) {
    case 'init':
      return v['l10n'] === undefined || isBundle(v['l10n']);
    case 'update':
      return isObject(v['data']) && v['data']['version'] === 1 && (v['state'] === undefined || isViewState(v['state']));
    case 'error':
      return typeof v['message'] === 'string';
    default:
      return false;
  }
}

/** Validates a webview message completely: the webview is untrusted input to the host. */
export function isFromWebview(v: unknown): v is FromWebview {
  if (!isObject(v)) return false;
  switch (v['type']) {
    case 'ready':
      return true;
    case 'filter':
      return isTabId(v['tab']) && isFilters(v['filters']);
    case 'open':
      return (
        typeof v['file'] === 'string' &&
        v['file'].length > 0 &&
        v['file'].length <= 4096 &&
        typeof v['line'] === 'number' &&
        Number.isInteger(v['line']) &&
        v['line'] >= 1
      );
    case 'error':
      return typeof v['message'] === 'string';
    default:
      return false;
  }
}

/** For the `default:` branch of an exhaustive switch over a message union. */
export function assertNever(x: never, what = 'message'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const BACKSLASH_OR_CONTROL = /[\\\u0000-\u001f]/;

/**
 * A workspace-relative posix path that stays inside the folder, or undefined: no absolute
 * paths, drive letters, backslashes, `..` segments, empty segments or control characters.
 */
export function safeRelativePath(file: string): string | undefined {
  if (
    file.length === 0 ||
    file.length > 4096 ||
    BACKSLASH_OR_CONTROL.test(file) ||
    file.startsWith('/') ||
    /^[a-zA-Z]:/.test(file) ||
    /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(file)
  )
    return undefined;
  const parts = file.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return undefined;
  return parts.join('/');
}
