import type { Diagnostic, Range } from '../../src/core/types';

/**
 * A minimal ops workspace that checks clean on 2026-06-15: every built-in kind, one or two
 * entities each, with the references and numbers the rules read. Tests change one file and
 * expect exactly one finding.
 */
export function baseWorkspace(): Record<string, string> {
  return {
    'org/regions.yaml': `regions:
  - id: RGN-HQ
    name: Head office
    manager: PER-ANNA
  - id: RGN-EAST
    name: East
    manager: PER-BO
    parent: RGN-HQ
`,
    'org/people.yaml': `people:
  - id: PER-ANNA
    name: Anna
    role: director
    region: RGN-HQ
  - id: PER-BO
    name: Bo
    role: store-manager
    region: RGN-EAST
    reports_to: PER-ANNA
    trainings:
      - { course: CRS-SVC, completed: 2026-01-10, score: 90 }
`,
    'org/courses.yaml': `courses:
  - id: CRS-SVC
    title: Service basics
    required_for: [store-manager]
    valid_months: 12
    pass_score: 80
`,
    'standards/STD-SVC-001.md': `---
id: STD-SVC-001
title: Customer service
owner: PER-ANNA
status: approved
version: 1.0.0
approved_by: [PER-ANNA]
---

# Customer service

## 1 Greeting
Greet every customer within 30 seconds.
`,
    'brand/logo.md': `---
id: BRD-LOGO
title: Logo
owner: PER-ANNA
status: draft
version: 0.1.0
---

# Logo
`,
    'plans/2026/company.yaml': `id: PLN-CO
title: Company plan
region: RGN-HQ
period: "2026"
owner: PER-ANNA
status: approved
budget: { amount: 1000, currency: CNY }
objectives:
  - id: OBJ-CO
    title: Grow
    kpis:
      - id: KPI-CO-REV
        metric: Revenue
        unit: CNY
        target: 100
        actual: 40
    initiatives:
      - id: INI-CO-POS
        title: POS
        status: in-progress
        due: 2026-09-30
        budget: 300
        project: PRJ-POS
`,
    'plans/2026/east.yaml': `id: PLN-EAST
title: East plan
region: RGN-EAST
period: 2026-H2
owner: PER-BO
parent: PLN-CO
status: draft
budget: { amount: 500, currency: CNY }
objectives:
  - id: OBJ-EAST
    title: East growth
    kpis:
      - id: KPI-EAST-REV
        metric: Revenue East
        unit: CNY
        target: 100
        contributes_to: KPI-CO-REV
    initiatives:
      - id: INI-EAST-WINDOW
        title: Windows
        status: planned
        due: 2026-10-01
        budget: 200
        partners: [PTN-ACME]
`,
    'partners/partners.yaml': `partners:
  - id: PTN-ACME
    name: Acme Fit-out
    type: supplier
    status: active
    owner: PER-ANNA
    contract: { start: 2026-01-01, end: 2027-12-31, value: 100, currency: CNY }
`,
    'projects/pos.md': `---
id: PRJ-POS
title: POS rollout
type: equipment
region: RGN-HQ
owner: PER-ANNA
status: in-progress
start: 2026-02-01
due: 2026-09-30
budget: 300
currency: CNY
plan: INI-CO-POS
milestones:
  - { id: MS-POS-PILOT, title: Pilot, due: 2026-03-31, done: true }
---

# POS rollout
`,
    'catalog/products.yaml': `products:
  - id: SKU-1
    name: Sofa
    category: sofa
    currency: CNY
    list_price: 1000
    floor_price: 800
    channel_prices: { flagship: 1000, online: 900 }
`,
    'inventory/east.yaml': `id: INV-EAST
region: RGN-EAST
as_of: 2026-06-01
items:
  - { sku: SKU-1, on_hand: 5, reorder_point: 2 }
`,
    'finance/expenses.yaml': `expenses:
  - id: EXP-1
    date: 2026-03-01
    amount: 120
    currency: CNY
    category: equipment
    project: PRJ-POS
`,
  };
}

/** Compact form for assertions: `file:line:col-endLine:endCol rule`. */
export function brief(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.ruleId}`;
}

export function briefRange(file: string, r: Range, ruleId: string): string {
  return `${file}:${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column} ${ruleId}`;
}

/** The range of `token` inside the first occurrence of the unique `context` in `text`. */
export function rangeAt(text: string, context: string, token: string = context): Range {
  const c = text.indexOf(context);
  if (c === -1) throw new Error(`"${context}" not in text`);
  if (text.indexOf(context, c + 1) !== -1) throw new Error(`"${context}" is not unique`);
  const t = context.indexOf(token);
  if (t === -1) throw new Error(`"${token}" not in "${context}"`);
  const offset = c + t;
  const pos = (o: number) => {
    const before = text.slice(0, o);
    return { line: before.split('\n').length, column: o - (before.lastIndexOf('\n') + 1) + 1 };
  };
  return { start: pos(offset), end: pos(offset + token.length) };
}

/** Replaces one unique occurrence of `from` in `files[path]`; fails loudly when absent. */
export function edit(files: Record<string, string>, path: string, from: string, to: string): void {
  const text = files[path];
  if (text === undefined) throw new Error(`no file ${path}`);
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`"${from}" is not unique in ${path}`);
  files[path] = text.slice(0, at) + to + text.slice(at + from.length);
}
