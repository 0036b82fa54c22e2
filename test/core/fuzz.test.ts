import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { openWorkspace } from '../../src/core/engine';
import type { WorkspaceFileSystem } from '../../src/core/host';
import { builtinPacks } from '../../src/node/host';
import { rng } from '../bench/generate.mjs';

// Seeded mutation fuzzing of the sample workspace (issue: bad input never crashes or hangs).
// FUZZ_CASES=2000 npm run test:unit -- --grep fuzz   runs a large campaign.
const CASES = Number(process.env['FUZZ_CASES'] ?? 150);
const SEED = Number(process.env['FUZZ_SEED'] ?? 1234);
const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'lumen-oak');

function sampleFiles(dir: string, base = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const rel = base ? `${base}/${name}` : name;
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...sampleFiles(abs, rel));
    else if (/\.(md|ya?ml)$/.test(name)) out.push(rel);
  }
  return out;
}

type Mutation = (bytes: Uint8Array, r: () => number) => Uint8Array;
const enc = new TextEncoder();
const at = (b: Uint8Array, r: () => number) => Math.floor(r() * (b.length + 1));
const splice = (b: Uint8Array, pos: number, del: number, ins: Uint8Array) => {
  const out = new Uint8Array(b.length - del + ins.length);
  out.set(b.subarray(0, pos));
  out.set(ins, pos);
  out.set(b.subarray(pos + del), pos + ins.length);
  return out;
};
const SNIPPETS = [
  ': ',
  '- ',
  '{',
  '}',
  '[',
  ']',
  '&a ',
  '*a',
  '!!js/function ',
  '!foo ',
  '"',
  "'",
  '|\n',
  '>-\n',
  '---\n',
  '...\n',
  '\t',
  '# ',
  '? ',
  '__proto__: {polluted: 1}\n',
  'constructor: {prototype: {polluted: 1}}\n',
  '%YAML 1.1\n',
  '<<: *a\n',
  '\r\n',
  '\r',
];
const mutations: Record<string, Mutation> = {
  truncate: (b, r) => b.subarray(0, at(b, r)),
  byteFlip: (b, r) => {
    const c = b.slice();
    for (let i = 0; i < 1 + Math.floor(r() * 8); i++) c[Math.floor(r() * c.length)] ^= 1 << Math.floor(r() * 8);
    return c;
  },
  insertYaml: (b, r) => splice(b, at(b, r), 0, enc.encode(SNIPPETS[Math.floor(r() * SNIPPETS.length)] ?? '')),
  deepNesting: (b, r) => splice(b, at(b, r), 0, enc.encode(`x: ${'['.repeat(100 + Math.floor(r() * 400))}\n`)),
  aliasBomb: () =>
    enc.encode(
      `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
    ),
  hugeScalar: (b, r) => splice(b, at(b, r), 0, enc.encode(`big: "${'x'.repeat(200_000 + Math.floor(r() * 800_000))}"\n`)),
  invalidUtf8: (b, r) => splice(b, at(b, r), 0, new Uint8Array([0xc3, 0x28, 0xff, 0xfe])),
  mixedLineEndings: (b, r) => {
    const t = new TextDecoder().decode(b);
    return enc.encode(t.replace(/\n/g, () => (r() < 0.5 ? '\r\n' : r() < 0.5 ? '\r' : '\n')));
  },
};

describe('fuzz: mutated sample files', function () {
  this.timeout(120_000);

  it(`never throws, stays under 1 s per file and reports every problem inside the file (${CASES} cases, seed ${SEED})`, async () => {
    const r = rng(SEED);
    const files = sampleFiles(SAMPLE);
    const originals = new Map(files.map((f) => [f, new Uint8Array(readFileSync(path.join(SAMPLE, f)))]));
    const names = Object.keys(mutations);
    const contents = new Map<string, Uint8Array>(originals);
    const fs: WorkspaceFileSystem = {
      listFiles: async () => [...contents.keys()],
      readFile: async (p) => contents.get(p),
    };
    const { workspace, configProblems } = await openWorkspace({ fs, builtinPacks: builtinPacks(), clock: () => '2026-06-15', today: '2026-06-15' });
    assert.deepEqual(configProblems, []);
    for (let i = 0; i < CASES; i++) {
      const file = files[Math.floor(r() * files.length)] as string;
      if (file === 'opsbook.yaml') continue;
      const name = names[Math.floor(r() * names.length)] as string;
      const mutated = (mutations[name] as Mutation)(originals.get(file) as Uint8Array, r);
      // CPU time, not wall time: the bound is on the work done, whatever else the machine runs.
      const start = process.cpuUsage();
      workspace.setFile(file, mutated);
      const diags = workspace.diagnostics(file);
      const used = process.cpuUsage(start);
      const ms = (used.user + used.system) / 1000;
      assert.ok(ms < 1000, `case ${i} (${name} on ${file}) took ${ms.toFixed(0)} ms of CPU`);
      const lines = new TextDecoder().decode(mutated).split(/\r\n|\r|\n/).length;
      for (const d of diags) {
        const where = `case ${i} (${name} on ${file}): ${d.ruleId} at ${d.range.start.line}:${d.range.start.column}`;
        assert.ok(d.range.start.line >= 1 && d.range.start.line <= lines + 1, `${where} is outside the file's ${lines} lines`);
        assert.ok(d.range.start.column >= 1, where);
        assert.ok(
          d.range.end.line > d.range.start.line || (d.range.end.line === d.range.start.line && d.range.end.column >= d.range.start.column),
          `${where}: end before start`,
        );
        assert.ok(d.message.length > 0, where);
      }
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined, `case ${i} (${name}) polluted Object.prototype`);
      workspace.setFile(file, originals.get(file) as Uint8Array);
    }
    const clean = workspace.diagnostics().filter((d) => d.severity === 'error');
    assert.deepEqual(clean, [], 'restoring every file gives the clean sample back');
  });
});
