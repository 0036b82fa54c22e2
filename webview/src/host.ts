import { assertNever, isBundle, isToWebview, isViewState, type FromWebview, type ToWebview, type ViewState } from '../../src/core/dashboard/protocol';
import type { DashboardData } from '../../src/core/dashboard/types';

/**
 * Where the dashboard runs. In VS Code the extension host answers messages and keeps state
 * through `acquireVsCodeApi()`; in the static report an in-page host answers from
 * `window.OPSBOOK_REPORT` and keeps state in localStorage. The app speaks the same protocol
 * to both.
 */
export interface Host {
  readonly kind: 'vscode' | 'report';
  post(msg: FromWebview): void;
  loadState(): ViewState | undefined;
  saveState(state: ViewState): void;
  listen(handler: (msg: ToWebview) => void): void;
  /** Report only: shows where an `open` would go (there is no editor to open it in). */
  onReveal?: (file: string, line: number) => void;
}

interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare global {
  interface Window {
    OPSBOOK_REPORT?: unknown;
    /** The report's UI strings for its `locale:` (an `@vscode/l10n` bundle), written into data.js. */
    OPSBOOK_L10N?: unknown;
  }
}

export function detectHost(): Host {
  const acquire = (globalThis as { acquireVsCodeApi?: () => VsCodeApi }).acquireVsCodeApi;
  if (typeof acquire === 'function') return new VsCodeHost(acquire());
  return new ReportHost(window.OPSBOOK_REPORT, window.OPSBOOK_L10N);
}

class VsCodeHost implements Host {
  readonly kind = 'vscode';
  constructor(private readonly api: VsCodeApi) {}

  post(msg: FromWebview): void {
    this.api.postMessage(msg);
  }

  loadState(): ViewState | undefined {
    const s = this.api.getState();
    return isViewState(s) ? s : undefined;
  }

  saveState(state: ViewState): void {
    this.api.setState(state);
  }

  listen(handler: (msg: ToWebview) => void): void {
    window.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (isToWebview(e.data)) handler(e.data);
      else this.post({ type: 'error', message: 'dashboard: ignored a malformed message from the extension' });
    });
  }
}

const STORAGE_KEY = 'opsbook.report.state';

class ReportHost implements Host {
  readonly kind = 'report';
  private handler: ((msg: ToWebview) => void) | undefined;
  private memory: ViewState | undefined;
  onReveal?: (file: string, line: number) => void;

  constructor(
    private readonly data: unknown,
    private readonly l10n: unknown,
  ) {}

  post(msg: FromWebview): void {
    switch (msg.type) {
      case 'ready': {
        const reply: ToWebview = isData(this.data)
          ? { type: 'update', data: this.data }
          : { type: 'error', message: 'This report has no data: data.js is missing or from another version of Opsbook.' };
        const state = this.loadState();
        if (reply.type === 'update' && state) reply.state = state;
        const init: ToWebview = isBundle(this.l10n) ? { type: 'init', l10n: this.l10n } : { type: 'init' };
        queueMicrotask(() => {
          this.handler?.(init);
          this.handler?.(reply);
        });
        return;
      }
      case 'filter':
        return; // the state itself is saved through saveState
      case 'open':
        this.onReveal?.(msg.file, msg.line);
        return;
      case 'error':
        this.handler?.({ type: 'error', message: msg.message });
        return;
      default:
        assertNever(msg);
    }
  }

  loadState(): ViewState | undefined {
    try {
      const raw = window.localStorage.getItem(STORAGE_KEY);
      const s: unknown = raw ? JSON.parse(raw) : undefined;
      if (isViewState(s)) return s;
    } catch {
      // file:// pages may have no storage; keep the state in memory
    }
    return this.memory;
  }

  saveState(state: ViewState): void {
    this.memory = state;
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch {
      // see loadState
    }
  }

  listen(handler: (msg: ToWebview) => void): void {
    this.handler = handler;
  }
}

function isData(v: unknown): v is DashboardData {
  return typeof v === 'object' && v !== null && (v as { version?: unknown }).version === 1;
}
