// The "site" namespace (source language): projects, compounds, buildings, stairwells, outdoor
// areas, the dashboard and the home page.
const site = {
  things: { compound: "小区", projects: "项目" },
  zoneKind: {
    road: "道路",
    pipe: "雨污管网",
    septic: "化粪池",
    green: "绿地广场",
    rubbish: "垃圾收集点",
    fitness: "健身器材",
    parking: "停车场",
    demolition: "违建拆除",
  },
  // A lot's state and a roll-up's, as the site pages show them (same words as the lot pages).
  lotState: {
    draft: "草稿",
    submitted: "施工自检已提交",
    rejected: "监理退回",
    accepted: "监理验收合格",
  },
  rollup: { pass: "合格", open: "未完成", none: "未开始" },
  money: { yuan: "元", tenThousandYuan: "万元" },
  dates: { ongoing: "持续" },
  compound: {
    title: "{{compound}} · 验收",
    subtitle:
      "<d>{{address}}</d> · {{households, number}} 户 · {{buildings, number}} 栋 {{stairwells, number}} 个单元 · <d>{{street}}</d>",
    defects: "质量问题",
    raiseDefect: "登记质量问题",
    acceptance: "竣工验收",
    plan: "检验批划分方案",
    lots: "检验批清单",
    drawings: "图纸",
    qr: "公示二维码",
    contractor: "施工单位：",
    coverage: "检验批覆盖（按划分方案）",
    rollupTitle: "质量验收汇总",
    unitProject: "单位工程：{{status}}",
    division: "分部工程",
    subItem: "分项（工程类别）",
    lotCounts: "检验批 已验收/共",
    conclusion: "结论",
    lotsTitle: "检验批",
    lotsAccepted: "已验收 {{accepted, number}} / 共 {{total, number}} 个",
    noLots: "尚未新建检验批。在单元或室外区域页面选择工程类别即可新建。",
    acceptedOf: "已验收 {{accepted, number}} / {{total, number}}",
    seeAll: "查看全部 {{count, number}} 个",
    buildings: "楼栋与单元",
    buildingFacts: "{{floors, number}} 层 · <d>{{structure}}</d> · {{year}} 年",
    zones: "室外区域",
  },
};

export default site;
