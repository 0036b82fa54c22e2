import { dashboardCsp } from '../dashboard/html';

/**
 * The record form's HTML shell: the same strict CSP as the dashboard (nonce per render, no
 * inline data); the form arrives after `ready` through postMessage.
 */
export interface FormHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  loading: string;
}

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function formHtml(i: FormHtmlInput): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(dashboardCsp(i.cspSource, i.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Opsbook Form</title>
<link rel="stylesheet" nonce="${attr(i.nonce)}" href="${attr(i.styleUri)}">
</head>
<body>
<main id="app"><p>${attr(i.loading)}</p></main>
<script nonce="${attr(i.nonce)}" src="${attr(i.scriptUri)}"></script>
</body>
</html>
`;
}
