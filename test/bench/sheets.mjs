// Spreadsheets (issue 12.4): `opsbook export` and `opsbook import` of a 10,000-row price list in
// fresh processes (wall, median of 3), target ≤ 2 s each. Run alone: node test/bench/sheets.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROWS = 10000;

/** Prints the rows; returns whether every target was met. */
export function benchSheets(projectRoot, today = '2026-06-15') {
  const ws = path.join(projectRoot, '.bench', `sheets-${ROWS}`);
  rmSync(ws, { recursive: true, force: true });
  mkdirSync(path.join(ws, 'catalog'), { recursive: true });
  writeFileSync(path.join(ws, 'opsbook.yaml'), 'vocabularies:\n  product.category: [绿茶, 红茶, 乌龙]\n');
  // Two price lists of 5,000 products each: one file of 10,000 would pass the 2 MB file limit.
  const lists = [0, 1].map((half) => {
    let list = '# 价目表 (generated)\nproducts:\n';
    for (let i = half * (ROWS / 2); i < (half + 1) * (ROWS / 2); i++) {
      list += `  - id: SKU-${i}  # 第 ${i} 款\n    name: 茶 ${i}\n    category: ${['绿茶', '红茶', '乌龙'][i % 3]}\n    currency: CNY\n    list_price: ${200 + (i % 500)}\n    floor_price: ${100 + (i % 500)}\n    channel_prices: { flagship: ${200 + (i % 500)}, online: ${180 + (i % 500)} }\n    effective: 2026-04-01\n    tags: [春季, 礼盒]\n`;
    }
    return { path: path.join(ws, 'catalog', `prices-${half}.yaml`), text: list };
  });
  const restore = () => lists.forEach((l) => writeFileSync(l.path, l.text));
  restore();
  const opsbook = (...args) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'opsbook.js'), ...args, '--root', ws, '--today', today, '--no-cache'], {
      cwd: ws,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (r.status !== 0) throw new Error(`opsbook ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout.slice(0, 2000)}`);
    return performance.now() - start;
  };
  const median = (f) => {
    const runs = [f(), f(), f()].sort((a, b) => a - b);
    return runs[1];
  };
  const results = [];
  for (const format of ['csv', 'xlsx']) results.push([`export ${ROWS} rows to ${format}`, median(() => opsbook('export', 'product', '--out', `p.${format}`))]);
  // A price update: every 100th list price raised in the CSV, imported (and restored between runs).
  const csv = readFileSync(path.join(ws, 'p.csv'), 'utf8').split('\r\n');
  const edited = csv.map((l, i) => (i > 0 && i % 100 === 0 ? l.replace(/^([^,]*,[^,]*,[^,]*,[^,]*,)(\d+)/, (_, a, n) => `${a}${Number(n) + 10}`) : l));
  writeFileSync(path.join(ws, 'q.csv'), edited.join('\r\n'));
  results.push([
    `import ${ROWS} rows, 100 changed (csv)`,
    median(() => {
      restore();
      return opsbook('import', 'product', 'q.csv');
    }),
  ]);
  if (lists.every((l) => readFileSync(l.path, 'utf8') === l.text)) throw new Error('the import changed nothing');
  restore();
  results.push([`import ${ROWS} rows, unchanged (xlsx)`, median(() => opsbook('import', 'product', 'p.xlsx'))]);
  let ok = true;
  for (const [name, ms] of results) {
    const met = ms <= 2000;
    ok &&= met;
    console.log(`${met ? 'ok  ' : 'MISS'}  ${name.padEnd(34)} ${`${(ms / 1000).toFixed(2)} s`.padStart(12)}   target ≤ 2 s`);
  }
  return ok;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) benchSheets(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
