import { existsSync, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { buildDashboard, type DashboardData, Formatter, type L10nBundle, reportFromCache, type Translator, VERSION } from '../../core';
import type * as l10n from '@vscode/l10n';
import { COMMON_HELP, opened, parse, rootOf, session } from '../common';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../io';

export const reportHelp = `Usage: opsbook report --out DIR [options]

Writes a self-contained static HTML dashboard (the editor's dashboard views: KPI, budget,
timeline, partners, inventory, training, workspace health) for people without VS Code:
DIR/index.html, dashboard.js, dashboard.css and data.js. It opens from disk in any browser,
needs no network, and prints the as-of date and the generation time in its header.

Numbers, money and dates follow locale: in opsbook.yaml (zh-CN: ¥1,280, 2026年6月15日);
the page's own words follow it too when l10n/bundle.l10n.<language>.json exists.

With the warm-start cache on, a folder unchanged since the previous report (same files, same
date) gets the data that report built, without the files being read again; the output is the
same, byte for byte, but for the generation time.

DIR is created when missing. The command never deletes anything and only overwrites files
it wrote itself; it stops (exit 2) if DIR holds another index.html, dashboard.js,
dashboard.css or data.js.

Options:
  --out DIR            folder to write the report into (required)
  --title TEXT         title in the page header (default: the root folder's name)
${COMMON_HELP}`;

/** The four files a report consists of; nothing else is ever written. */
const OWN_FILES = ['index.html', 'dashboard.css', 'dashboard.js', 'data.js'] as const;
/** First-line marker of every file the report writes: how it recognises its own files. */
const MARKER = 'opsbook-report';

/**
 * The CSP of the static page. `'self'` lets the page load its own script and style files from
 * the same folder, also from file:// (verified in Chromium by test/report, which also checks an
 * injected inline script is refused). No inline script or style is needed: data comes from data.js.
 */
export const REPORT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, title: { type: 'string' } }, false);
  if (values.help) {
    io.stdout(reportHelp + '\n');
    return EXIT_OK;
  }
  if (!values.out) throw new UsageError('--out DIR is required');
  const startedAt = Date.now();
  const assets = webviewAssetsDir();
  if (!assets) {
    io.stderr('opsbook report: the dashboard bundle (dist/webview/dashboard.js) is not built; run "npm run build"\n');
    return EXIT_USAGE;
  }
  const out = path.resolve(io.cwd, values.out);
  await checkTarget(out);
  const header = { title: values.title ?? path.basename(rootOf(io, values)), generatedAt: new Date().toISOString() };
  // An unchanged workspace's data comes from the report part of the warm-start cache, without the model.
  const started = await session(io, values);
  let data = await reportFromCache(started.init, started.setup, header).catch(() => undefined);
  let saveData: (() => Promise<void>) | undefined;
  if (!data) {
    const result = await opened(io, values, started, { ranges: true });
    const built = buildDashboard(result.workspace, header);
    saveData = () => result.saveReport(built);
    data = built;
  }
  const [js, css, bundle] = await Promise.all([
    fsp.readFile(path.join(assets, 'dashboard.js'), 'utf8'),
    fsp.readFile(path.join(assets, 'dashboard.css'), 'utf8'),
    l10nBundle(data.locale),
  ]);
  const files: Record<(typeof OWN_FILES)[number], string> = {
    'index.html': reportHtml(data, bundle),
    'dashboard.css': `/* ${MARKER} ${VERSION} */\n${stripSourceMap(css)}`,
    'dashboard.js': `/* ${MARKER} ${VERSION} */\n${stripSourceMap(js)}`,
    'data.js': reportDataScript(data, bundle),
  };
  await fsp.mkdir(out, { recursive: true });
  let bytes = 0;
  for (const name of OWN_FILES) {
    await writeAtomic(path.join(out, name), files[name]);
    bytes += Buffer.byteLength(files[name]);
  }
  const rel = path.relative(io.cwd, path.join(out, 'index.html')) || 'index.html';
  io.stdout(`Wrote ${rel} (${OWN_FILES.length} files, ${(bytes / 1024).toFixed(0)} KB) as of ${data.asOf} in ${Date.now() - startedAt} ms\n`);
  // Written after the report: the next one (same files, same day) reads it instead of every file.
  if (saveData) await saveData().catch(() => undefined);
  return EXIT_OK;
}

/**
 * `window.OPSBOOK_REPORT = …;` (and the UI strings as `window.OPSBOOK_L10N` for a localized
 * report) with `<`, `>`, `&` and U+2028/2029 escaped, so no value can end a script or a line.
 */
export function reportDataScript(data: DashboardData, l10n?: L10nBundle): string {
  const strings = l10n ? `window.OPSBOOK_L10N = ${escapeJson(JSON.stringify(l10n))};\n` : '';
  return `/* ${MARKER} data */\nwindow.OPSBOOK_REPORT = ${escapeJson(JSON.stringify(data))};\n${strings}`;
}

/**
 * The webview's strings for `locale:` from `l10n/bundle.l10n.<lang>.json` (as VS Code names
 * them: `zh-cn`, else the language alone, `zh`); undefined for English or a language without
 * a bundle.
 */
export async function l10nBundle(locale: string | undefined, start: string = __dirname): Promise<L10nBundle | undefined> {
  const tag = locale?.trim().toLowerCase().replace(/_/g, '-');
  if (!tag || tag === 'en' || tag.startsWith('en-')) return undefined;
  const names = [...new Set([tag, tag.split('-')[0] as string])].map((t) => `bundle.l10n.${t}.json`);
  let dir = start;
  for (let i = 0; i < 6; i++) {
    for (const name of names) {
      const file = path.join(dir, 'l10n', name);
      const text = await fsp.readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
        }
      } catch {
        // a broken bundle leaves the report in English
      }
      return undefined;
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

export function escapeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page: static header (dates visible even without JavaScript), then data.js and the bundle. */
export function reportHtml(data: DashboardData, bundle?: L10nBundle): string {
  // The webview's strings from the same bundle, so the header reads the same before and after the
  // script runs (`l10n.t` with literals: the extractor finds them; the import above is types only).
  const l10n = l10nStrings(bundle);
  const title = data.title ? l10n.t('Opsbook dashboard — {0}', data.title) : l10n.t('Opsbook dashboard');
  const generated = data.generatedAt ? ` · ${l10n.t('generated {0}', data.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))}` : '';
  const fmt = new Formatter(data.locale);
  return `<!doctype html>
<!-- ${MARKER} ${VERSION}: written by "opsbook report"; regenerate instead of editing. -->
<html lang="${escapeHtml(fmt.locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="opsbook ${VERSION}">
<title>${escapeHtml(title)} (${escapeHtml(l10n.t('as of {0}', fmt.longDate(data.asOf)))})</title>
<link rel="stylesheet" href="dashboard.css">
</head>
<body class="opsbook-report">
<main id="app">
<header class="page-header"><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(l10n.t('Data as of {0}', fmt.longDate(data.asOf)))}${escapeHtml(generated)}</p></header>
<noscript><p>${escapeHtml(l10n.t('This report needs JavaScript to draw its charts and tables.'))}</p></noscript>
</main>
<script src="data.js"></script>
<script src="dashboard.js"></script>
</body>
</html>
`;
}

/** A translator over a bundle (English when there is none), with `{0}` placeholders as `@vscode/l10n` fills them. */
function l10nStrings(bundle: L10nBundle | undefined): Translator {
  return { t: (key: string, ...args: l10n.L10nReplacement[]) => (bundle?.[key] ?? key).replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m)) };
}

function stripSourceMap(text: string): string {
  return text.replace(/\n\/[/*]# sourceMappingURL=[^\n]*\s*$/, '\n');
}

/** Where the built webview bundle lives: `dist/webview` beside the CLI bundle, or above a source checkout. */
export function webviewAssetsDir(start: string = __dirname): string | undefined {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    for (const candidate of [path.join(dir, 'webview'), path.join(dir, 'dist', 'webview')]) {
      if (existsSync(path.join(candidate, 'dashboard.js')) && existsSync(path.join(candidate, 'dashboard.css'))) return candidate;
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

/** Refuses a target that is not a folder, or that holds one of our file names not written by us. */
async function checkTarget(out: string): Promise<void> {
  const st = await fsp.stat(out).catch(() => undefined);
  if (!st) return;
  if (!st.isDirectory()) throw new UsageError(`--out ${out}: exists and is not a folder`);
  for (const name of OWN_FILES) {
    const file = path.join(out, name);
    const lst = await fsp.lstat(file).catch(() => undefined);
    if (!lst) continue;
    if (!lst.isFile()) throw new UsageError(`--out: ${file} exists and is not a regular file; refusing to overwrite it`);
    const handle = await fsp.open(file, 'r');
    try {
      const buf = Buffer.alloc(200);
      const { bytesRead } = await handle.read(buf, 0, 200, 0);
      if (!buf.subarray(0, bytesRead).toString('utf8').includes(MARKER))
        throw new UsageError(`--out: ${file} was not written by "opsbook report"; refusing to overwrite it (choose another folder)`);
    } finally {
      await handle.close();
    }
  }
}

async function writeAtomic(file: string, content: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await fsp.writeFile(tmp, content, { flag: 'wx' });
  try {
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
}
