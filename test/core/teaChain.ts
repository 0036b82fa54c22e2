/**
 * A tea chain the rules were not written for: fiscal years from April, cups (杯) and CNY by month
 * (fiscal and calendar keys mixed), quarterly phasing, stores, a competitor analysis in Chinese,
 * assessments by fiscal half-year with its own ratings, and its own words for successor readiness.
 */
export const TEA: Record<string, string> = {
  'opsbook.yaml': `opsbook: 1
fiscalYearStart: 4
today: 2026-08-20
vocabularies:
  additive-units: { add: [杯] }
  person.role: [总经理, 区域经理, 店长, 茶饮师]
  assessment.rating: [优秀, 良好, 合格, 待改进]
  competitor.segment: [高端现制茶, 平价奶茶]
  successor.readiness: { aliases: { 可接任: ready, 一到两年: 1-2y, 三年以上: 3y+ } }
rules:
  succession/gap: { roles: [区域经理, 店长] }
  assessment/overdue: { months: 6 }
`,
  'org/regions.yaml': `regions:
  - { id: R-HD, name: 华东大区, manager: E02 }
  - { id: R-HN, name: 华南大区, manager: E03 }
`,
  'org/people.yaml': `people:
  - id: E01
    name: 林总
    role: 总经理
  - id: E02
    name: 王敏
    role: 区域经理
    region: R-HD
    reports_to: E01
    successors:
      - { person: E04, readiness: 可接任 }
  - id: E03
    name: 赵磊
    role: 区域经理
    region: R-HN
    reports_to: E01
    successors:
      - { person: E05, readiness: 一到两年 }
  - id: E04
    name: 陈晨
    role: 店长
    region: R-HD
    reports_to: E02
    successors:
      - { person: E06, readiness: ready }
  - id: E05
    name: 周洁
    role: 店长
    region: R-HN
    reports_to: E03
  - id: E06
    name: 吴昊
    role: 茶饮师
    region: R-HD
    reports_to: E04
`,
  'org/assessments/fy2025.yaml': `# 2025 财年考核
assessments:
  - { id: KH-2501, person: E01, period: FY2025-H2, rating: 优秀, assessor: E01 }
  - { id: KH-2502, person: E02, period: FY2025-H2, score: 92, rating: 优秀, assessor: E01 }
  - { id: KH-2503, person: E03, period: FY2025-H2, score: 78, rating: 合格, assessor: E01 }
  - { id: KH-2504, person: E04, period: 2026-Q1, score: 85, rating: 良好, assessor: E02 }
  - { id: KH-2505, person: E05, period: FY2025-H1, score: 80, rating: 良好, assessor: E03 }
  - { id: KH-2506, person: E06, period: FY2025-H2, score: 88, rating: 良好, assessor: E04 }
`,
  'org/stores.yaml': `stores:
  - { id: ST-001, name: 静安寺店, region: R-HD, channel: flagship, status: open, opened: 2023-05-01, manager: E04, area_m2: 85 }
  - { id: ST-002, name: 天河城专柜, region: R-HN, channel: mall-counter, status: open, manager: E05, area_m2: 24 }
  - { id: ST-003, name: 天猫旗舰店, region: R-HD, channel: online, status: planned }
`,
  'market/competitors/heytea.md': `---
id: JP-01
name: 喜茶
segment: 高端现制茶
price_position: above
regions: [R-HD, R-HN]
stores: { R-HD: 40, R-HN: 25 }
strengths: 出新快，联名多
watch: [商场新店, 降价]
---

# 喜茶

客单价高于我们约 15%，在华东商场密集开店。
`,
  'inventory/st-001.yaml': `id: KC-001-0818
region: R-HD
store: ST-001
as_of: 2026-08-18
items: []
`,
  'plans/fy2026/company.yaml': `id: PL-FY26
title: 2026 财年公司计划
period: FY2026
owner: E01
status: approved
budget:
  amount: 1200000
  currency: CNY
  phasing: { FY2026-H1: 0.5, FY2026-H2: 0.5 }
objectives:
  - id: MB-01
    title: 杯量增长
    kpis:
      - id: K-CUPS
        metric: 售出杯数
        unit: 杯
        target: 1000000
      - id: K-REV
        metric: 营业额
        unit: CNY
        target: 12000000
        actuals: { FY2026-M01: 1000000, FY2026-M02: 1000000, FY2026-M03: 1000000, FY2026-M04: 1000000 }
`,
  'plans/fy2026/hd.yaml': `id: PL-HD
title: 华东 2026 财年计划
region: R-HD
parent: PL-FY26
period: FY2026
owner: E02
status: approved
budget:
  amount: 600000
  currency: CNY
  phasing: { FY2026-Q1: 30, FY2026-Q2: 30, FY2026-Q3: 20, FY2026-Q4: 20 }
objectives:
  - id: MB-HD
    title: 华东杯量与满意度
    kpis:
      - id: HD-CUPS
        metric: 华东售出杯数
        unit: 杯
        target: 600000
        contributes_to: K-CUPS
        actuals: { FY2026-M01: 50000, FY2026-M02: 50000, FY2026-M03: 50000, FY2026-M04: 50000 }
      - id: HD-CSAT
        metric: 顾客满意度
        unit: 分
        target: 90
        actual: 89
        actuals: { FY2026-M01: 86, FY2026-M02: 87, FY2026-M03: 88, FY2026-M04: 89 }
    initiatives:
      - { id: HD-I1, title: 静安寺店翻新, status: in-progress, budget: 300000 }
      - { id: HD-I2, title: 夏季新品推广, status: in-progress, budget: 100000 }
`,
  'plans/fy2026/hn.yaml': `id: PL-HN
title: 华南 2026 财年计划
region: R-HN
parent: PL-FY26
period: FY2026
owner: E03
status: approved
budget:
  amount: 400000
  currency: CNY
objectives:
  - id: MB-HN
    title: 华南杯量与客诉
    kpis:
      - id: HN-CUPS
        metric: 华南售出杯数
        unit: 杯
        target: 400000
        contributes_to: K-CUPS
        actuals: { 2026-04: 20000, 2026-05: 22000, 2026-06: 25000, 2026-07: 23000, 2026-08: 9000 }
      - id: HN-KS
        metric: 客诉次数
        unit: 次
        direction: down
        target: 120
        actual: 38
        actuals: { FY2026-M01: 8, FY2026-M02: 9, FY2026-M03: 10, FY2026-M04: 9 }
    initiatives:
      - { id: HN-I1, title: 天河城专柜开业, status: in-progress, budget: 300000 }
`,
  'projects/xm-01.md': `---
id: XM-01
title: 静安寺店翻新工程
type: decoration
region: R-HD
owner: E04
status: in-progress
start: 2026-04-01
due: 2026-10-31
budget: 300000
currency: CNY
plan: HD-I1
---

# 静安寺店翻新
`,
  'finance/fy2026.yaml': `expenses:
  - { id: FY-001, date: 2026-04-10, amount: 150000, currency: CNY, category: 装修, project: XM-01 }
  - { id: FY-002, date: 2026-06-05, amount: 100000, currency: CNY, category: 装修, project: XM-01 }
  - { id: FY-003, date: 2026-07-15, amount: 40000, currency: CNY, category: 推广, initiative: HD-I2 }
  - { id: FY-004, date: 2026-05-02, amount: 120000, currency: CNY, category: 装修, initiative: HN-I1 }
  - { id: FY-005, date: 2026-07-20, amount: 100000, currency: CNY, category: 推广, initiative: HN-I1 }
  - { id: FY-006, date: 2026-09-01, amount: 50000, currency: CNY, category: 推广, initiative: HN-I1 }
`,
};
