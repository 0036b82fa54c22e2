/**
 * A noodle chain with store-level plans, written the way its finance team would: fiscal years
 * from April, two regions, three stores (one of them a mall counter), store revenue rolling up
 * store → region → company through `contributes_to`, and a repeat-purchase rate (%) each store
 * reports with no link at all. Monthly figures through June; today is mid-July.
 */
const storePlan = (
  id: string,
  store: string,
  region: string,
  parent: string,
  owner: string,
  title: string,
  revenue: string,
  repeat: string,
  target = 1200000,
) => `id: ${id}
title: ${title}
store: ${store}
region: ${region}
parent: ${parent}
period: FY2026
owner: ${owner}
status: approved
objectives:
  - id: ${id}-MB
    title: 门店经营
    kpis:
      - id: ${id}-YYE
        metric: 门店营业额
        unit: CNY
        target: ${target}
        contributes_to: ${region === 'QY-XN' ? 'XN-YYE' : 'HB-YYE'}
        actuals: ${revenue}
      - id: ${id}-FG
        metric: 复购率
        unit: '%'
        target: 35
        actuals: ${repeat}
`;

export const NOODLE: Record<string, string> = {
  'opsbook.yaml': `opsbook: 1
fiscalYearStart: 4
today: 2026-07-15
`,
  'org/regions.yaml': `regions:
  - { id: QY-XN, name: 西南区, manager: RY-02 }
  - { id: QY-HB, name: 华北区, manager: RY-03 }
`,
  'org/people.yaml': `people:
  - { id: RY-01, name: 何总, role: 总经理 }
  - { id: RY-02, name: 蒋丽, role: 区域经理, region: QY-XN, reports_to: RY-01 }
  - { id: RY-03, name: 韩冰, role: 区域经理, region: QY-HB, reports_to: RY-01 }
  - { id: RY-04, name: 罗军, role: 店长, region: QY-XN, reports_to: RY-02 }
  - { id: RY-05, name: 宋雨, role: 店长, region: QY-XN, reports_to: RY-02 }
  - { id: RY-06, name: 邓超, role: 店长, region: QY-HB, reports_to: RY-03 }
`,
  'org/stores.yaml': `stores:
  - { id: MD-01, name: 春熙路店, region: QY-XN, channel: flagship, status: open, manager: RY-04 }
  - { id: MD-02, name: 太古里专柜, region: QY-XN, channel: mall-counter, status: open, manager: RY-05 }
  - { id: MD-03, name: 三里屯店, region: QY-HB, channel: flagship, status: open, manager: RY-06 }
`,
  'plans/fy2026/gongsi.yaml': `id: JH-2026
title: 2026 财年公司经营计划
period: FY2026
owner: RY-01
status: approved
objectives:
  - id: MB-01
    title: 营业额增长
    kpis:
      - id: ZB-YYE
        metric: 营业额
        unit: CNY
        target: 3600000
`,
  'plans/fy2026/xinan.yaml': `id: JH-XN
title: 西南区 2026 财年计划
region: QY-XN
parent: JH-2026
period: FY2026
owner: RY-02
status: approved
objectives:
  - id: MB-XN
    title: 西南区营业额
    kpis:
      - id: XN-YYE
        metric: 西南区营业额
        unit: CNY
        target: 2400000
        contributes_to: ZB-YYE
`,
  'plans/fy2026/huabei.yaml': `id: JH-HB
title: 华北区 2026 财年计划
region: QY-HB
parent: JH-2026
period: FY2026
owner: RY-03
status: approved
objectives:
  - id: MB-HB
    title: 华北区营业额
    kpis:
      - id: HB-YYE
        metric: 华北区营业额
        unit: CNY
        target: 1200000
        contributes_to: ZB-YYE
`,
  'plans/fy2026/md-01.yaml': storePlan(
    'MD01',
    'MD-01',
    'QY-XN',
    'JH-XN',
    'RY-04',
    '春熙路店 2026 财年计划',
    '{ 2026-04: 100000, 2026-05: 110000, 2026-06: 120000 }',
    '{ 2026-04: 30, 2026-05: 32, 2026-06: 34 }',
  ),
  'plans/fy2026/md-02.yaml': storePlan(
    'MD02',
    'MD-02',
    'QY-XN',
    'JH-XN',
    'RY-05',
    '太古里专柜 2026 财年计划',
    '{ FY2026-M01: 80000, FY2026-M02: 90000, FY2026-M03: 70000 }',
    '{ FY2026-M01: 28, FY2026-M02: 27, FY2026-M03: 29 }',
  ),
  'plans/fy2026/md-03.yaml': storePlan(
    'MD03',
    'MD-03',
    'QY-HB',
    'JH-HB',
    'RY-06',
    '三里屯店 2026 财年计划',
    '{ 2026-04: 90000, 2026-05: 95000, 2026-06: 105000 }',
    '{ 2026-04: 40, 2026-05: 41, 2026-06: 39 }',
  ),
};
