import { runCheck } from './commands/check';
import { runCodeowners } from './commands/codeowners';
import { runDiff } from './commands/diff';
import { runExport } from './commands/export';
import { runImport } from './commands/import';
import { runInit } from './commands/init';
import { runNew } from './commands/new';
import { runReport } from './commands/report';
import { runSearch } from './commands/search';
import { runTree } from './commands/tree';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { VERSION } from '../core';

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Subcommands; each is `run(args, io) → exit code` and never exits the process itself. */
export const commands: Record<string, { run: Command; summary: string }> = {
  check: { run: runCheck, summary: 'validate the workspace (text, json, sarif, github)' },
  search: { run: runSearch, summary: 'search entities and documents by words and fields' },
  tree: { run: runTree, summary: 'print the plan tree with roll-ups' },
  diff: { run: runDiff, summary: 'structured changes between git revisions, review rules, approvers' },
  codeowners: { run: runCodeowners, summary: 'print CODEOWNERS lines from owners and review rules' },
  new: { run: runNew, summary: "create a document from a kind's template" },
  init: { run: runInit, summary: 'write a commented opsbook.yaml' },
  report: { run: runReport, summary: 'write a static HTML dashboard (no VS Code needed)' },
  export: { run: runExport, summary: 'write a kind as a CSV or xlsx sheet' },
  import: { run: runImport, summary: "upsert a CSV or xlsx sheet into a kind's files (all or nothing)" },
};

export const mainHelp = () => `Usage: opsbook <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "opsbook <command> --help" for a command's options. Version ${VERSION}.`;

/** Runs the CLI; returns the exit code (0 ok, 1 findings, 2 usage/configuration/internal). */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp() + '\n');
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(VERSION + '\n');
    return EXIT_OK;
  }
  const cmd = commands[name];
  if (!cmd) {
    io.stderr(`opsbook: unknown command "${name}"\n\n${mainHelp()}\n`);
    return EXIT_USAGE;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`opsbook ${name}: ${err.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`opsbook ${name}: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_USAGE;
  }
}

/** Process entry point used by `bin/opsbook.js`. */
export async function main(): Promise<void> {
  const code = await run(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    isTty: !!process.stdout.isTTY,
  });
  process.exitCode = code;
}
