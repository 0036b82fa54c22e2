/**
 * The dashboard webview's HTML. No data and no user text go into it: the page loads the
 * bundle from dist/webview and receives everything after `ready` through postMessage.
 */

export interface DashboardHtmlInput {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Fresh per render. */
  nonce: string;
  /** `webview.asWebviewUri(…/dist/webview/dashboard.js)`, as a string. */
  scriptUri: string;
  styleUri: string;
  /** Shown until the bundle has loaded, in the display language (default English). */
  loading?: string;
}

export function dashboardCsp(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The dashboard's page (see `webviewHtml`). */
export function dashboardHtml(i: DashboardHtmlInput): string {
  return webviewHtml({ ...i, title: 'Opsbook Dashboard', loading: i.loading ?? 'Loading the dashboard…' });
}

/**
 * The HTML shell of every Opsbook webview (dashboard, record form, register table): a strict CSP
 * with a fresh nonce, the page's bundle and stylesheet, and a loading line; no data and no user
 * text — everything arrives after `ready` through postMessage.
 */
export function webviewHtml(i: DashboardHtmlInput & { title: string; loading: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(dashboardCsp(i.cspSource, i.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${attr(i.title)}</title>
<link rel="stylesheet" nonce="${attr(i.nonce)}" href="${attr(i.styleUri)}">
</head>
<body>
<main id="app"><p>${attr(i.loading)}</p></main>
<script nonce="${attr(i.nonce)}" src="${attr(i.scriptUri)}"></script>
</body>
</html>
`;
}

/** 128 random bits, base64: a CSP nonce. */
export function makeNonce(random: (n: number) => Uint8Array): string {
  const bytes = random(16);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
