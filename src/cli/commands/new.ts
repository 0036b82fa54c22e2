import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { defaultPathFor, fillTemplate, formatOf, isValidId, proposeNextId, templateVars } from '../../core';
import { COMMON_HELP, open, parse, rootOf } from '../common';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from '../io';
import { NodeWorkspaceFs } from '../../node/fs';

export const newHelp = `Usage: opsbook new <kind> [--id ID] [--title T] [--out FILE]

Creates a document from the kind's template in the kind's default folder (or --out). Never
overwrites an existing file and refuses an id that already exists.

Options:
  --id ID       id of the new entity; without it, the next free id after the kind's ids in use
                (E007 → E008, P-0009 → P-0010, matching kinds.<kind>.idPattern), printed
  --title T     title (default: the id)
  --out FILE    file to create, relative to the root (must stay inside it)
${COMMON_HELP}`;

export async function runNew(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { id: { type: 'string' }, title: { type: 'string' }, out: { type: 'string' } });
  if (values.help) {
    io.stdout(newHelp + '\n');
    return EXIT_OK;
  }
  const kind = positionals[0];
  if (!kind || positionals.length > 1) throw new UsageError('expected one kind, e.g. opsbook new standard --id STD-SVC-009 --title "Gift wrapping"');
  if (values.id !== undefined && !isValidId(values.id))
    throw new UsageError('--id must start with a letter or digit, without spaces, commas, brackets, "#" or ":"');
  const ws = await open(io, values);
  const template = ws.config.templates.get(kind);
  if (!ws.config.kinds.has(kind)) throw new UsageError(`unknown kind "${kind}"; kinds with templates: ${[...ws.config.templates.keys()].sort().join(', ')}`);
  if (!template) throw new UsageError(`kind "${kind}" has no template; kinds with templates: ${[...ws.config.templates.keys()].sort().join(', ')}`);
  const id = values.id ?? proposedId(ws, kind);
  if (values.id === undefined) io.stdout(`Next free ${kind} id: ${id}\n`);
  const existing = ws.get(kind, id);
  if (existing) {
    io.stderr(`opsbook new: ${kind} ${id} already exists in ${existing.file}:${ws.entityRange(existing).start.line}\n`);
    return EXIT_FINDINGS;
  }
  const text = await template.source.read(template.path);
  if (text === undefined) throw new UsageError(`template ${template.path} of kind "${kind}" is missing`);
  const rel = values.out ?? defaultPathFor(ws.config, kind, id, template.path);
  if (!rel)
    throw new UsageError(`kind "${kind}" keeps its entries in one file (${ws.config.kinds.get(kind)?.files.join(', ')}); pass --out FILE for a new file`);
  const fs = new NodeWorkspaceFs(rootOf(io, values));
  const target = fs.resolve(rel);
  if (!target) throw new UsageError(`--out ${rel}: must be inside the workspace root`);
  if (!formatOf(rel)) throw new UsageError(`--out ${rel}: must end in .md, .yaml or .yml`);
  const filled = fillTemplate(text, templateVars(ws, id, values.title ?? id));
  try {
    await writeNew(target, filled);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      io.stderr(`opsbook new: ${rel} already exists; nothing was written (choose another --out)\n`);
      return EXIT_FINDINGS;
    }
    throw err;
  }
  io.stdout(`Created ${rel} (${kind} ${id}).\n`);
  return EXIT_OK;
}

/** The next free id of `kind` after the ids in use; a usage error when none can be proposed. */
function proposedId(ws: Awaited<ReturnType<typeof open>>, kind: string): string {
  const ids = ws.idsInUse(kind);
  const next = proposeNextId(ids, { idPattern: ws.config.kinds.get(kind)?.idPattern });
  if (!next) {
    throw new UsageError(`--id is required: no ${kind} id in use has a number to continue${ids.length > 0 ? ` (e.g. ${ids.slice(0, 3).join(', ')})` : ''}`);
  }
  if (!isValidId(next)) throw new UsageError(`--id is required: the next ${kind} id would be "${next}", which is not a valid id`);
  return next;
}

/** Writes a new file atomically: a temporary file linked into place, which fails if the target exists. */
export async function writeNew(target: string, text: string): Promise<void> {
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await fsp.writeFile(tmp, text, { flag: 'wx', mode: 0o644 });
  try {
    await fsp.link(tmp, target);
  } finally {
    await fsp.unlink(tmp).catch(() => undefined);
  }
}
