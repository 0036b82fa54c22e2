import * as assert from 'node:assert/strict';
import { assertNever, isFromWebview, isToWebview, isViewState, safeRelativePath, type FromWebview } from '../../src/core/dashboard/protocol';
import { escapeJson, REPORT_CSP, reportDataScript, reportHtml } from '../../src/cli/commands/report';
import { dashboardCsp, dashboardHtml, makeNonce } from '../../src/vscode/dashboard/html';
import type { DashboardData } from '../../src/core/dashboard/types';

const minimal = { version: 1, asOf: '2026-06-15' } as unknown as DashboardData;

describe('dashboard protocol', () => {
  it('accepts the webview messages of the protocol', () => {
    const ok: FromWebview[] = [
      { type: 'ready' },
      { type: 'filter', tab: 'kpi', filters: { region: 'RGN-EAST', period: '2026' } },
      { type: 'open', file: 'plans/2026/east.yaml', line: 17 },
      { type: 'error', message: 'x' },
    ];
    for (const m of ok) assert.ok(isFromWebview(m), JSON.stringify(m));
  });

  it('rejects malformed webview messages: the webview is untrusted input', () => {
    const bad: unknown[] = [
      null,
      'ready',
      { type: 'nope' },
      { type: 'open', file: 'a.yaml', line: 0 },
      { type: 'open', file: 'a.yaml', line: 1.5 },
      { type: 'open', file: '', line: 1 },
      { type: 'open', file: 3, line: 1 },
      { type: 'filter', tab: 'secrets', filters: {} },
      { type: 'filter', tab: 'kpi', filters: { region: 1 } },
      { type: 'filter', tab: 'kpi', filters: { __proto__: 'x', evil: 'y' } },
      { type: 'error' },
    ];
    for (const m of bad) assert.equal(isFromWebview(m), false, JSON.stringify(m));
  });

  it('checks host messages and view state', () => {
    assert.ok(isToWebview({ type: 'update', data: minimal }));
    assert.ok(
      isToWebview({
        type: 'update',
        data: minimal,
        state: { tab: 'budget', filters: { budget: { status: 'over' } }, tables: { 'kpi-plans': true }, source: 'file:///w' },
      }),
    );
    assert.ok(isToWebview({ type: 'error', message: 'boom' }));
    assert.equal(isToWebview({ type: 'update', data: { version: 2 } }), false);
    assert.equal(isToWebview({ type: 'update', data: minimal, state: { tab: 'nope', filters: {} } }), false);
    assert.equal(isViewState({ tab: 'kpi', filters: { kpi: { colour: 'red' } } }), false);
    assert.equal(isViewState({ tab: 'kpi', filters: {}, tables: { x: 'yes' } }), false);
  });

  it('keeps open requests inside the workspace folder', () => {
    assert.equal(safeRelativePath('plans/2026/east.yaml'), 'plans/2026/east.yaml');
    for (const p of [
      '../etc/passwd',
      'plans/../../x',
      '/etc/passwd',
      'C:/x',
      'c:\\x',
      'plans\\x',
      'file:///etc/passwd',
      'vscode:extension/x',
      'a//b',
      './a',
      'a/\u0000b',
      '',
    ])
      assert.equal(safeRelativePath(p), undefined, p);
  });

  it('throws on a message type the switch does not know', () => {
    assert.throws(() => assertNever({ type: 'surprise' } as never), /unexpected message/);
  });
});

describe('dashboard webview HTML', () => {
  it('has a strict CSP with the nonce, and only the bundle from dist/webview', () => {
    const html = dashboardHtml({
      cspSource: 'https://x.vscode-cdn.net',
      nonce: 'abc123',
      scriptUri: 'https://x.vscode-cdn.net/ext/dist/webview/dashboard.js',
      styleUri: 'https://x.vscode-cdn.net/ext/dist/webview/dashboard.css',
    });
    assert.equal(
      dashboardCsp('https://x.vscode-cdn.net', 'abc123'),
      "default-src 'none'; script-src 'nonce-abc123'; style-src https://x.vscode-cdn.net 'nonce-abc123'; font-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net data:",
    );
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-abc123';/);
    assert.match(html, /<script nonce="abc123" src="https:\/\/x\.vscode-cdn\.net\/ext\/dist\/webview\/dashboard\.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(html, /<script[^>]*>[^<]/); // no inline script
  });

  it('uses a fresh 128-bit nonce each time', () => {
    let n = 0;
    const a = makeNonce((k) => new Uint8Array(k).fill(++n));
    const b = makeNonce((k) => new Uint8Array(k).fill(++n));
    assert.notEqual(a, b);
    assert.equal(Buffer.from(a, 'base64').length, 16);
  });
});

describe('static report files', () => {
  it('escapes <, >, & and line separators in the data script', () => {
    const data = { ...minimal, title: '</script><script>alert(1)</script> & \u2028\u2029' } as DashboardData;
    const js = reportDataScript(data);
    assert.doesNotMatch(js.split('\n').slice(1).join('\n'), /[<>&\u2028\u2029]/);
    assert.match(js, /^\/\* opsbook-report data \*\/\nwindow\.OPSBOOK_REPORT = \{/);
    const parsed: unknown = JSON.parse(js.slice(js.indexOf('{'), js.lastIndexOf('}') + 1));
    assert.deepEqual(parsed, data);
    assert.equal(escapeJson('"<\u2028"'), '"\\u003c\\u2028"');
  });

  it('prints the dates in the page header and escapes the title', () => {
    const html = reportHtml({ ...minimal, title: '<img src=x onerror=alert(1)>', generatedAt: '2026-06-15T09:30:00.123Z' } as DashboardData);
    assert.ok(html.includes(`content="${REPORT_CSP}"`));
    assert.match(html, /Data as of June 15, 2026 · generated 2026-06-15 09:30:00Z/);
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'));
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script src="data.js">', '<script src="dashboard.js">']);
  });
});
