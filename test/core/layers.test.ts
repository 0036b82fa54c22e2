import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// Belt and braces with the lint rules: the core's module graph has no cycle (type-only imports
// included), no core file outgrows a screen or two, and hosts reach core only through its entry.

const root = path.resolve(__dirname, '..', '..');
const core = path.join(root, 'src', 'core');
const MAX_LINES = 350;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** Relative module specifiers of `import … from`, `import type … from`, `export … from`, `import('…')` and bare `import '…'`. */
export function relativeImports(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]*)['"]/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) specs.push(m[1]!);
  return specs;
}

function resolveModule(from: string, spec: string, known: Set<string>): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base + '.ts', path.join(base, 'index.ts'), base]) if (known.has(candidate)) return candidate;
  return undefined;
}

/** The first cycle found in a module graph, as the list of modules around it (first repeated at the end). */
export function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      const s = state.get(m);
      if (s === 'open') return [...stack.slice(stack.indexOf(m)), m];
      if (s === undefined) {
        const c = visit(m);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of [...graph.keys()].sort()) {
    if (state.has(n)) continue;
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

function coreGraph(): Map<string, string[]> {
  const files = tsFiles(core);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps = relativeImports(readFileSync(f, 'utf8'))
      .map((s) => resolveModule(f, s, known))
      .filter((d): d is string => d !== undefined);
    graph.set(f, [...new Set(deps)].sort());
  }
  return graph;
}

const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');

describe('layers', () => {
  it('finds the cycle in a graph that has one, and none in a graph without', () => {
    const withCycle = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(findCycle(withCycle), ['a', 'b', 'c', 'a']);
    assert.equal(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
      undefined,
    );
  });

  it('reads type-only imports, re-exports and dynamic imports as edges', () => {
    const src = `import type { A } from './a';\nexport { B } from "../b";\nexport * from './c/index';\ntype D = import('./d').D;\nimport './e';\nimport x from 'yaml';`;
    assert.deepEqual(relativeImports(src), ['./a', '../b', './c/index', './d', './e']);
  });

  it('src/core has no import cycle, type-only imports included', () => {
    const cycle = findCycle(coreGraph());
    assert.equal(cycle?.map(rel).join('\n  -> '), undefined, 'import cycle in src/core');
  });

  it(`no file in src/core is longer than ${MAX_LINES} lines`, () => {
    const long = tsFiles(core)
      .map((f) => ({ f: rel(f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > MAX_LINES)
      .map((x) => `${x.f}: ${x.lines}`);
    assert.deepEqual(long, []);
  });

  it('hosts import src/core only through src/core/index.ts', () => {
    const offenders: string[] = [];
    for (const host of ['cli', 'vscode', 'node']) {
      for (const f of tsFiles(path.join(root, 'src', host))) {
        for (const spec of relativeImports(readFileSync(f, 'utf8'))) {
          const target = path.resolve(path.dirname(f), spec);
          if (!target.startsWith(core)) continue;
          if (target === core || target === path.join(core, 'index')) continue;
          offenders.push(`${rel(f)} imports ${spec}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });
});
