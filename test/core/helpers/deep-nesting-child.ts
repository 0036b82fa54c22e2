// Run in a child process by bad-input.test.ts: parses absurdly nested flow YAML several times.
// A V8 fatal error (which no try/catch can stop) shows up in the parent as a failed exit.
import { parseFile } from '../../../src/core/parse/file';

const levels = Number(process.argv[2] ?? 5000);
const results: string[][] = [];
for (let round = 0; round < 5; round++) {
  for (const key of ['partners', 'x', 'y']) {
    const parsed = parseFile('partners/flow.yaml', `${key}: ${'['.repeat(levels)}${']'.repeat(levels)}\n`);
    results.push(parsed.problems.map((p) => p.ruleId));
  }
}
process.stdout.write(JSON.stringify(results));
