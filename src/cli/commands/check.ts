import { cachedCheck, COMMON_HELP, open, parse, persist, session } from '../common';
import { formatConfigText, formatGithub, formatJson, formatSarif, formatText, summarize, type CheckReport } from '../format/diagnostics';
import { ConfigProblemsError } from '../configProblems';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../io';
import { VERSION, type OpsbookWorkspace as Workspace } from '../../core';

export const checkHelp = `Usage: opsbook check [options]

Validates every Markdown and YAML file of the workspace against its kind's schema and the
cross-file rules, and prints the findings.

Options:
  --format text|json|sarif|github   output format (default: text)
  --max-warnings N                  exit 1 when there are more than N warnings
  --quiet                           report errors only
${COMMON_HELP}

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or configuration problem.`;

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { format: { type: 'string' }, 'max-warnings': { type: 'string' }, quiet: { type: 'boolean' } }, false);
  if (values.help) {
    io.stdout(checkHelp + '\n');
    return EXIT_OK;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif', 'github'].includes(format)) throw new UsageError(`--format must be text, json, sarif or github, got "${format}"`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings must be a whole number ≥ 0, got "${values['max-warnings']}"`);
  }
  // An unchanged workspace is answered from the warm-start cache without building the model;
  // without a cache file only a full load can answer, so the parse workers start at once.
  const started = await session(io, values, { parsesAll: true });
  const cached = await cachedCheck(started);
  let ws: Workspace | undefined;
  try {
    ws = cached ? undefined : await open(io, values, started, { ranges: true });
  } catch (err) {
    if (!(err instanceof ConfigProblemsError)) throw err;
    // Configuration problems are diagnostics like any other, in the format asked for; exit 2.
    const report: CheckReport = { root: values.root ?? '.', files: 0, entities: 0, diagnostics: [...err.diagnostics] };
    io.stdout(format === 'text' ? formatConfigText(report) : render(format, report));
    return EXIT_USAGE;
  }
  const all = cached?.diagnostics ?? ws?.diagnostics() ?? [];
  const diagnostics = values.quiet ? all.filter((d) => d.severity === 'error') : all;
  const report: CheckReport = {
    root: values.root ?? '.',
    files: cached?.files ?? ws?.fileCount ?? 0,
    entities: cached?.entities ?? ws?.entityCount ?? 0,
    diagnostics,
  };
  io.stdout(render(format, report));
  // The diagnostics just printed (all of them, before --quiet) go into the cache's summary as they are.
  if (ws) await persist(ws, all);
  const s = summarize(all);
  if (s.errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && s.warnings > maxWarnings) {
    io.stderr(`opsbook: ${s.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function render(format: string, report: CheckReport): string {
  return format === 'json'
    ? formatJson(report)
    : format === 'sarif'
      ? formatSarif(report, VERSION)
      : format === 'github'
        ? formatGithub(report)
        : formatText(report);
}
