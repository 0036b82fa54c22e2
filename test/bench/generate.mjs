// Generates a deterministic ops workspace of N files (~2 KB each, every kind) for benchmarks.
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** mulberry32: small, fast, seeded (also used by the fuzz and incremental tests). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'customer service greeting store flagship counter display window lighting fabric oak walnut linen sofa table chair bed storage delivery return exchange warranty inventory reorder stock count audit promotion campaign media partner contract renewal budget target revenue margin training course assessment safety opening closing cleaning visual merchandising colour palette logo photography tone voice premium craft sustainable material care region east south north mall opening renovation supplier logistics'.split(
    ' ',
  );

export function generate(root, files, seed = 42) {
  const marker = path.join(root, '.generated');
  const stamp = `${files}:${seed}:v5`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return;
  rmSync(root, { recursive: true, force: true });
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  // Body text follows a Zipf-like distribution over a 4,000-word vocabulary (the domain words
  // first, then made-up ones), as real prose does: common words are common, most are rare.
  const syllables = ['ka', 'lo', 'mi', 'ten', 'sa', 'ru', 'vel', 'dor', 'an', 'pe', 'is', 'tor', 'ma', 'quin', 'bel', 'sho'];
  const vocabulary = [...WORDS];
  for (let i = 0; vocabulary.length < 4000; i++) vocabulary.push(`${syllables[i % 16]}${syllables[(i >> 4) % 16]}${syllables[(i >> 8) % 16]}`);
  const zipf = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(r() * Math.log(vocabulary.length + 1))) - 1)];
  const text = (n) => Array.from({ length: n }, zipf).join(' ');
  const date = (y = 2026) => `${y}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const write = (rel, content) => {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  };
  const share = (k) => Math.max(1, Math.round(files * k));
  const regions = ['RGN-HQ', 'RGN-EAST', 'RGN-SOUTH', 'RGN-NORTH'];
  const nPeople = 600;
  const people = Array.from({ length: nPeople }, (_, i) => `PER-${String(i).padStart(5, '0')}`);
  const roles = [
    'director',
    'regional-manager',
    'store-manager',
    'sales-associate',
    'visual-merchandiser',
    'trainer',
    'planner',
    'buyer',
    'finance',
    'partner-manager',
  ];
  write('opsbook.yaml', 'opsbook: 1\npacks: [ops]\nreview:\n  - kinds: [standard, brand]\n    approvers: [PER-00000]\n');
  write(
    'org/regions.yaml',
    `regions:\n${regions.map((id, i) => `  - id: ${id}\n    name: Region ${i}\n${i ? '    parent: RGN-HQ\n' : ''}    manager: ${people[i]}\n`).join('')}`,
  );
  write(
    'org/courses.yaml',
    `courses:\n${['CRS-SVC', 'CRS-SAFE', 'CRS-PROD'].map((id, i) => `  - id: ${id}\n    title: Course ${i} ${text(3)}\n    required_for: [${roles[2 + i]}]\n    valid_months: 24\n    pass_score: 70\n`).join('')}`,
  );
  write(
    'org/people.yaml',
    `people:\n${people.map((id, i) => `  - id: ${id}\n    name: Person ${i}\n    role: ${roles[i % roles.length]}\n    region: ${regions[i % 4]}\n    email: p${i}@example.com\n${i ? `    reports_to: ${people[Math.floor(i / 10)]}\n` : ''}    trainings:\n      - { course: CRS-SVC, completed: 2026-01-10, score: 90 }\n      - { course: CRS-SAFE, completed: 2026-02-10, score: 88 }\n      - { course: CRS-PROD, completed: 2026-03-10, score: 80 }\n`).join('')}`,
  );
  let made = 4;
  const counts = {
    partners: share(0.15),
    products: share(0.1),
    expenses: share(0.1),
    inventory: share(0.05),
    plans: share(0.05),
    projects: share(0.2),
    standards: share(0.25),
    brand: share(0.1),
  };
  const partnerIds = [];
  for (let f = 0; f < counts.partners; f++) {
    const items = [];
    for (let k = 0; k < 5; k++) {
      const id = `PTN-${f}-${k}`;
      partnerIds.push(id);
      const start = date(2025);
      items.push(
        `  - id: ${id}\n    name: Partner ${f} ${k} ${text(2)}\n    type: ${pick(['channel', 'media', 'strategic-brand', 'supplier', 'design-agency', 'government', 'key-customer'])}\n    regions: [${pick(regions)}]\n    tier: ${pick(['A', 'B', 'C'])}\n    status: ${pick(['active', 'prospect', 'active', 'ended'])}\n    contract:\n      start: ${start}\n      end: ${date(2027)}\n      value: ${int(1, 900) * 1000}\n      currency: CNY\n    owner: ${pick(people)}\n    notes: ${text(8)}\n`,
      );
    }
    write(`partners/p${f}.yaml`, `partners:\n${items.join('')}`);
  }
  made += counts.partners;
  const skus = [];
  for (let f = 0; f < counts.products; f++) {
    const items = [];
    for (let k = 0; k < 6; k++) {
      const id = `SKU-${f}-${k}`;
      skus.push(id);
      const list = int(500, 30000);
      const floor = Math.round(list * 0.6);
      items.push(
        `  - id: ${id}\n    name: ${text(3)}\n    category: ${pick(['sofa', 'table', 'chair', 'bed', 'storage', 'lighting', 'textile', 'decor'])}\n    currency: CNY\n    list_price: ${list}\n    floor_price: ${floor}\n    channel_prices:\n      flagship: ${list}\n      online: ${Math.round(list * 0.9)}\n    effective: ${date()}\n`,
      );
    }
    write(`catalog/c${f}.yaml`, `products:\n${items.join('')}`);
  }
  made += counts.products;
  const planIds = [];
  const iniIds = [];
  for (let f = 0; f < counts.plans; f++) {
    const id = `PLN-B${f}`;
    planIds.push(id);
    const objectives = [];
    for (let o = 0; o < 2; o++) {
      const kpis = [0, 1]
        .map(
          (k) =>
            `      - id: KPI-B${f}-${o}-${k}\n        metric: ${text(3)}\n        unit: ${k ? '"%"' : 'CNY'}\n        target: ${int(10, 100) * 1000}\n        actual: ${int(5, 90) * 1000}\n`,
        )
        .join('');
      const inis = [0, 1]
        .map((k) => {
          const iid = `INI-B${f}-${o}-${k}`;
          iniIds.push(iid);
          return `      - id: ${iid}\n        title: ${text(4)}\n        owner: ${pick(people)}\n        due: ${date()}\n        status: ${pick(['planned', 'in-progress', 'done'])}\n        budget: ${int(1, 50) * 1000}\n        partners: [${pick(partnerIds)}]\n`;
        })
        .join('');
      objectives.push(`  - id: OBJ-B${f}-${o}\n    title: ${text(5)}\n    kpis:\n${kpis}    initiatives:\n${inis}`);
    }
    write(
      `plans/b${f}.yaml`,
      `id: ${id}\ntitle: Plan ${f} ${text(3)}\nregion: ${pick(regions)}\nperiod: "2026"\nowner: ${pick(people)}\nstatus: approved\nbudget:\n  amount: 1000000\n  currency: CNY\nobjectives:\n${objectives.join('')}`,
    );
  }
  made += counts.plans;
  const projectIds = [];
  for (let f = 0; f < counts.projects; f++) {
    const id = `PRJ-B${f}`;
    projectIds.push(id);
    const start = date();
    write(
      `projects/b${f}.md`,
      `---\nid: ${id}\ntitle: Project ${f} ${text(3)}\ntype: ${pick(['decoration', 'promotion', 'equipment', 'store-opening', 'campaign', 'training'])}\nregion: ${pick(regions)}\nowner: ${pick(people)}\nstatus: ${pick(['approved', 'in-progress', 'done'])}\nstart: 2026-01-01\ndue: 2026-12-31\nbudget: ${int(100, 900) * 1000}\nspent: ${int(1, 90) * 1000}\ncurrency: CNY\npartners: [${pick(partnerIds)}, ${pick(partnerIds)}]\nplan: ${pick(iniIds)}\nmilestones:\n  - { id: MS-B${f}-1, title: Kick-off, due: ${start}, done: true }\n  - { id: MS-B${f}-2, title: Handover, due: 2026-12-01 }\n---\n\n# Project ${f}\n\n## Background\n\n${text(60)}\n\n## Goals\n\n${text(50)}\n\n## Scope\n\n${text(50)}\n\n## Risks\n\n${text(30)}\n`,
    );
  }
  made += counts.projects;
  for (let f = 0; f < counts.standards; f++) {
    const clauses = Array.from({ length: 5 }, (_, c) => `## ${c + 1} ${text(2)}\n\n${text(35)}\n\n### ${c + 1}.1 ${text(2)}\n\n${text(20)}\n`).join('\n');
    write(
      `standards/s${f}.md`,
      `---\nid: STD-B${f}\ntitle: Standard ${f} ${text(3)}\nowner: ${pick(people)}\nstatus: approved\nversion: 1.${int(0, 9)}.0\neffective: ${date()}\napproved_by: [${pick(people)}]\nscope:\n  regions: [${pick(regions)}]\n  channels: [flagship]\n---\n\n# Standard ${f}\n\n${clauses}`,
    );
  }
  made += counts.standards;
  for (let f = 0; f < counts.brand; f++) {
    write(
      `brand/b${f}.md`,
      `---\nid: BRD-B${f}\ntitle: Brand chapter ${f} ${text(2)}\nowner: ${pick(people)}\nstatus: approved\nversion: 2.0.${int(0, 9)}\neffective: ${date()}\napproved_by: [${pick(people)}]\napplies_to: [flagship, online]\n---\n\n# Chapter ${f}\n\n## Principles\n\n${text(120)}\n\n## Examples\n\n${text(100)}\n`,
    );
  }
  made += counts.brand;
  for (let f = 0; f < counts.inventory; f++) {
    const items = Array.from(
      { length: 12 },
      () => `  - sku: ${pick(skus)}\n    on_hand: ${int(0, 80)}\n    reorder_point: ${int(5, 20)}\n    max: ${int(80, 200)}\n`,
    ).join('');
    write(`inventory/i${f}.yaml`, `id: INV-B${f}\nregion: ${pick(regions)}\nas_of: 2026-06-01\nitems:\n${items}`);
  }
  made += counts.inventory;
  const rest = Math.max(1, files - made);
  for (let f = 0; f < rest; f++) {
    const items = Array.from(
      { length: 6 },
      (_, k) =>
        `  - id: EXP-B${f}-${k}\n    date: ${date()}\n    amount: ${int(100, 9000)}\n    currency: CNY\n    category: ${pick(['decoration', 'promotion', 'media', 'travel', 'training'])}\n    region: ${pick(regions)}\n    project: ${pick(projectIds)}\n    description: ${text(6)}\n`,
    ).join('');
    write(`finance/e${f}.yaml`, `expenses:\n${items}`);
  }
  writeFileSync(marker, stamp);
}

// What a pull brings to the i-th of many files: changed values, renamed ids (breaking
// references), new errors, or only a comment. Used by the change-storm test and bench.
export function stormRewrite(text, i) {
  switch (i % 5) {
    case 0:
      return text.replace(/value: \d+/, `value: ${1000 + i}`).replace(/list_price: \d+/, `list_price: ${900 + i}`);
    case 1:
      return text.replace(/id: (PTN|SKU|EXP)-(\d+)-0/, (_m, p, n) => `id: ${p}-${n}-0R`);
    case 2:
      return text.replace(/status: \w+/, 'status: bogus');
    case 3:
      return text.replace(/amount: \d+/, 'amount: -5').replace(/budget: \d+/, 'budget: 1');
    default:
      return `${text}\n# touched ${i}\n`;
  }
}
