import { countOf, plural, type Diagnostic } from '../../core';

export interface CheckReport {
  root: string;
  files: number;
  entities: number;
  diagnostics: Diagnostic[];
}

export function summarize(diags: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diags) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

function textLine(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line}:${d.range.start.column}  ${d.severity.padEnd(7)}  ${d.message}  ${d.ruleId}`;
}

/** Configuration problems in the text format: the same lines, and why nothing else was checked. */
export function formatConfigText(r: CheckReport): string {
  const n = r.diagnostics.length;
  return (
    [
      ...r.diagnostics.map(textLine),
      '',
      `✖ ${plural(n, 'configuration problem')}: the workspace is not checked until ${countOf(n, 'it is', 'they are')} fixed`,
    ].join('\n') + '\n'
  );
}

/** ESLint-like lines: `file:line:col  severity  message  ruleId`, then a summary. */
export function formatText(r: CheckReport): string {
  const lines = r.diagnostics.map(textLine);
  const s = summarize(r.diagnostics);
  const total = s.errors + s.warnings + s.infos;
  lines.push('');
  lines.push(
    total === 0
      ? `✔ no problems in ${plural(r.files, 'file')} (${plural(r.entities, 'entity', 'entities')})`
      : `${s.errors > 0 ? '✖' : '⚠'} ${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}) in ${plural(r.files, 'file')}`,
  );
  return lines.join('\n') + '\n';
}

/** One diagnostic in the SPEC §4 JSON shape (1-based positions). */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  const o: Record<string, unknown> = {
    file: d.file,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
  };
  if (d.entity) o['entity'] = d.entity;
  return o;
}

/** The stable, versioned JSON of SPEC §4. */
export function formatJson(r: CheckReport): string {
  return (
    JSON.stringify(
      {
        version: 1,
        root: r.root,
        files: r.files,
        entities: r.entities,
        diagnostics: r.diagnostics.map((d) => {
          const o = diagnosticJson(d);
          if (d.related?.length)
            o['related'] = d.related.map((x) => ({ file: x.file, line: x.range.start.line, column: x.range.start.column, message: x.message }));
          if (d.suggestions?.length) o['suggestions'] = d.suggestions;
          return o;
        }),
        summary: summarize(r.diagnostics),
      },
      null,
      2,
    ) + '\n'
  );
}

/** GitHub Actions workflow commands: annotations on the changed lines of a pull request. */
export function formatGithub(r: CheckReport): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level = { error: 'error', warning: 'warning', info: 'notice' } as const;
  return r.diagnostics
    .map(
      (d) =>
        `::${level[d.severity]} file=${prop(d.file)},line=${d.range.start.line},col=${d.range.start.column},endLine=${d.range.end.line},endColumn=${d.range.end.column},title=${prop(d.ruleId)}::${esc(d.message)}`,
    )
    .map((l) => l + '\n')
    .join('');
}

/** SARIF 2.1.0 for code-scanning upload. */
export function formatSarif(r: CheckReport, version: string): string {
  const ruleIds = [...new Set(r.diagnostics.map((d) => d.ruleId))].sort();
  const level = { error: 'error', warning: 'warning', info: 'note' } as const;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'opsbook',
            version,
            informationUri: 'https://opsbook.dev',
            rules: ruleIds.map((id) => ({ id, name: id, shortDescription: { text: id } })),
          },
        },
        results: r.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: ruleIds.indexOf(d.ruleId),
          level: level[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file, uriBaseId: 'SRCROOT' },
                region: { startLine: d.range.start.line, startColumn: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column },
              },
            },
          ],
          ...(d.related?.length
            ? {
                relatedLocations: d.related.map((x, i) => ({
                  id: i,
                  message: { text: x.message },
                  physicalLocation: {
                    artifactLocation: { uri: x.file, uriBaseId: 'SRCROOT' },
                    region: { startLine: x.range.start.line, startColumn: x.range.start.column },
                  },
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
