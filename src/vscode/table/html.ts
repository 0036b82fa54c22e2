import { dashboardCsp } from '../dashboard/html';

export interface TableHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  loading: string;
}

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The register table's page: the bundle and its stylesheet only; every record arrives by postMessage. */
export function tableHtml(i: TableHtmlInput): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(dashboardCsp(i.cspSource, i.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Opsbook Table</title>
<link rel="stylesheet" nonce="${attr(i.nonce)}" href="${attr(i.styleUri)}">
</head>
<body>
<main id="app"><p>${attr(i.loading)}</p></main>
<script nonce="${attr(i.nonce)}" src="${attr(i.scriptUri)}"></script>
</body>
</html>
`;
}
