import * as path from 'node:path';
import { parse } from '../common';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io';
import { writeNew } from './new';

export const initHelp = `Usage: opsbook init [DIR]

Writes a commented opsbook.yaml into DIR (default: the current directory, or --root) and
nothing else. Refuses to overwrite an existing file.`;

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
  const { values, positionals } = parse(args, {});
  if (values.help) {
    io.stdout(initHelp + '\n');
    return EXIT_OK;
  }
  const dir = path.resolve(io.cwd, values.root ?? '.', positionals[0] ?? '.');
  const target = path.join(dir, 'opsbook.yaml');
  try {
    await writeNew(target, CONFIG_TEMPLATE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      io.stderr(`opsbook init: ${path.relative(io.cwd, target) || target} already exists; nothing was written\n`);
      return EXIT_FINDINGS;
    }
    throw err;
  }
  io.stdout(`Created ${path.relative(io.cwd, target) || 'opsbook.yaml'}.\n`);
  return EXIT_OK;
}
