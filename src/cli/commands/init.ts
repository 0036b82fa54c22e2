import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { inferConfiguration, isIsoDate, keptSettings, renderConfig, renderSummary } from '../../core';
import { NodeWorkspaceFs } from '../../node/fs';
import { engineInputs } from '../../node/engineInputs';
import { configProblemsError, parse } from '../common';
import { EXIT_OK, UsageError, type CliIo } from '../io';
import { writeNew } from './new';

export const initHelp = `Usage: opsbook init [DIR] [--infer] [--force]

Writes a commented opsbook.yaml into DIR (default: the current directory, or --root) and
nothing else.

Options:
  --infer    read the files already there and write the configuration that makes them check
             with only their real problems: custom kinds for record files the ops pack does
             not place, custom fields, references, the company's vocabularies. Each entry is
             commented with where it came from; a summary is printed. Statuses are never
             widened and likely typos are never declared: they stay findings.
  --force    overwrite an existing opsbook.yaml (with --infer, its today, fiscalYearStart,
             locale, rules and review are kept)

Exit codes: 0 written, 2 the file exists (without --force), no such folder, or a problem in
the built-in packs.`;

export const CONFIG_TEMPLATE = `# Opsbook workspace configuration. Every key is optional.
# Reference: https://opsbook.dev/config — editors complete keys from schemas/opsbook.schema.json.
opsbook: 1

# Built-in packs by name, local packs by path (./packs/franchise). Later packs override earlier ones.
packs: [ops]

# Which files are read, relative to this folder.
include: ["**/*.md", "**/*.yml", "**/*.yaml"]
exclude: ["node_modules/**", ".git/**"]

# A fixed date for date rules (overdue projects, expiring contracts); default: today.
# today: 2026-06-15

# Custom kinds, or overrides of built-in ones:
# kinds:
#   team:
#     files: data/team.yml
#     layout: map            # markdown | single | list | map | none
#     title: name
#     schema: schema/team-entry.schema.json

# References in addition to x-opsbook-ref in schemas:
# references:
#   - kind: team
#     path: reports_to
#     target: person
#     allow: [none]

# Rule severities (error, warning, info, off), or options with a severity:
rules:
  partner/contract-expiring: { severity: info, days: 60 }

# Who approves changes (used by opsbook diff):
# review:
#   - kinds: [standard, brand]
#     approvers: [PER-DIRECTOR]
`;

export async function runInit(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { infer: { type: 'boolean' }, force: { type: 'boolean' } });
  if (values.help) {
    io.stdout(initHelp + '\n');
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`expected at most one folder, got ${positionals.length}`);
  if (values.today !== undefined && !isIsoDate(values.today)) throw new UsageError(`--today must be a date YYYY-MM-DD, got "${values.today}"`);
  const dir = path.resolve(io.cwd, values.root ?? '.', positionals[0] ?? '.');
  const stat = await fsp.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`${positionals[0] ?? values.root ?? '.'}: no such folder`);
  const configPath = values.config?.split(path.sep).join('/') ?? 'opsbook.yaml';
  const target = path.join(dir, configPath);
  const shown = path.relative(io.cwd, target) || configPath;
  if (!values.force && (await fsp.stat(target).catch(() => undefined))) {
    throw new UsageError(`${shown} already exists; nothing was written (use --force to overwrite it)`);
  }

  let text = CONFIG_TEMPLATE;
  let summary = '';
  if (values.infer) {
    const fs = new NodeWorkspaceFs(dir);
    const inference = await inferConfiguration(engineInputs({ fs, configPath, ...(values.today ? { today: values.today } : {}) }));
    if (inference.problems.length > 0) throw configProblemsError(inference.problems);
    // Overwriting (--force): keep what no file can tell and what people decided.
    const previous = values.force ? await fsp.readFile(target, 'utf8').catch(() => undefined) : undefined;
    text = renderConfig(inference, previous === undefined ? undefined : keptSettings(previous));
    summary = renderSummary(inference, shown);
  }
  if (values.force) await writeOver(target, text);
  else {
    try {
      await writeNew(target, text);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${shown} already exists; nothing was written (use --force to overwrite it)`);
      throw err;
    }
  }
  io.stdout(summary || `Created ${shown}.\n`);
  return EXIT_OK;
}

/** Replaces a file atomically: a temporary file renamed over it. */
async function writeOver(target: string, text: string): Promise<void> {
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await fsp.writeFile(tmp, text, { flag: 'wx', mode: 0o644 });
  try {
    await fsp.rename(tmp, target);
  } catch (err) {
    await fsp.unlink(tmp).catch(() => undefined);
    throw err;
  }
}
