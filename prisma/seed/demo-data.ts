/**
 * The county's real programme (德江县2021年城镇老旧小区改造) with invented but plausible
 * organizations' staff, buildings, stairwells and outdoor zones.
 */
export const DEMO_PASSWORD = "yanshou2021";

export const ORGANIZATIONS = [
  { key: "bureau", name: "德江县住房和城乡建设局", shortName: "县住建局", kind: "bureau" },
  { key: "owner", name: "德江县城市建设投资有限公司", shortName: "县城投公司", kind: "owner" },
  {
    key: "supervisor",
    name: "贵州正衡工程建设监理有限公司",
    shortName: "正衡监理",
    kind: "supervisor",
  },
  { key: "design", name: "铜仁市城乡规划勘察设计院", shortName: "铜仁设计院", kind: "design" },
  {
    key: "contractorA",
    name: "德江县鸿达建筑工程有限公司",
    shortName: "鸿达建筑",
    kind: "contractor",
  },
  {
    key: "contractorB",
    name: "贵州黔东建设工程有限公司",
    shortName: "黔东建设",
    kind: "contractor",
  },
  { key: "anhua", name: "德江县安化街道办事处", shortName: "安化街道", kind: "street" },
  { key: "yushui", name: "德江县玉水街道办事处", shortName: "玉水街道", kind: "street" },
  { key: "audit", name: "德江县审计局", shortName: "县审计局", kind: "audit" },
  { key: "finance", name: "德江县财政局", shortName: "县财政局", kind: "finance" },
] as const;

export type OrgKey = (typeof ORGANIZATIONS)[number]["key"];

export const USERS = [
  {
    username: "admin",
    displayName: "系统管理员",
    role: "admin",
    title: "系统管理员",
    org: "bureau",
  },
  {
    username: "zhujianju",
    displayName: "杨光明",
    role: "bureau",
    title: "质量安全监督站站长",
    org: "bureau",
  },
  {
    // 县住建局 acts as 建设单位 of the programme (方案 五(二)、(三)): its 项目负责人 organises 竣工验收
    username: "xiangmu",
    displayName: "龙德华",
    role: "bureau",
    title: "建设单位项目负责人（城建股股长）",
    org: "bureau",
  },
  {
    username: "jianli",
    displayName: "田志刚",
    role: "supervisor",
    title: "专业监理工程师",
    org: "supervisor",
  },
  {
    username: "zongjian",
    displayName: "王振华",
    role: "supervisor",
    title: "总监理工程师",
    org: "supervisor",
  },
  {
    username: "shigong1",
    displayName: "张建国",
    role: "contractor",
    title: "项目专业质量检查员",
    org: "contractorA",
  },
  {
    username: "xmjl1",
    displayName: "王建军",
    role: "contractor",
    title: "施工单位项目负责人（项目经理）",
    org: "contractorA",
  },
  {
    username: "shigong2",
    displayName: "李德明",
    role: "contractor",
    title: "项目专业质量检查员",
    org: "contractorB",
  },
  {
    username: "xmjl2",
    displayName: "赵永强",
    role: "contractor",
    title: "施工单位项目负责人（项目经理）",
    org: "contractorB",
  },
  {
    username: "jianshe",
    displayName: "冉晓东",
    role: "owner",
    title: "建设单位项目负责人",
    org: "owner",
  },
  {
    username: "sheji",
    displayName: "安文静",
    role: "designer",
    title: "设计单位项目负责人",
    org: "design",
  },
  { username: "anhua", displayName: "陈红梅", role: "street", title: "社区网格员", org: "anhua" },
  { username: "yushui", displayName: "吴海燕", role: "street", title: "社区网格员", org: "yushui" },
  {
    username: "shenji",
    displayName: "罗文斌",
    role: "auditor",
    title: "固定资产投资审计股股长",
    org: "audit",
  },
  {
    username: "caizheng",
    displayName: "何丽萍",
    role: "finance",
    title: "经济建设股股长",
    org: "finance",
  },
] as const;

export const PROJECT = {
  code: "DJ-2021-LJXQ",
  name: "德江县2021年城镇老旧小区改造项目",
  county: "贵州省铜仁市德江县",
  budgetYuan: 54_100_000,
  households: 1180,
  description:
    "改造县农行、县武装部两个老旧小区：楼道线路规范整理、声控灯、栏杆维修、道路、雨污管网、化粪池，以及墙面美化、绿化、垃圾收集点、健身器材、停车位和违章建筑拆除。",
  phases: [
    { seq: 1, name: "调查摸底·规划设计", startsOn: "2021-03-01", endsOn: "2021-04-15" },
    { seq: 2, name: "组织实施", startsOn: "2021-04-16", endsOn: "2021-07-15" },
    { seq: 3, name: "竣工验收", startsOn: "2021-07-16", endsOn: "2021-08-15" },
    { seq: 4, name: "长效管理", startsOn: "2021-08-16", endsOn: null },
  ],
};

type BuildingSpec = {
  floors: number;
  units: number;
  perFloor: number;
  year: number;
  structure: string;
};
type ZoneSpec = { kind: string; name: string; description: string };

const brick = "砖混";
const frame = "框架";

export const COMPOUNDS: {
  code: string;
  name: string;
  address: string;
  street: OrgKey;
  contractor: OrgKey;
  contractName: string;
  /** 施工单位项目负责人 and the 分包单位 (附录E), demo values */
  projectManager: string;
  subcontractor: { name: string; manager: string } | null;
  builtYear: number;
  buildings: BuildingSpec[];
  zones: ZoneSpec[];
}[] = [
  {
    code: "NH",
    name: "县农行老旧小区",
    address: "德江县青龙街道农行巷",
    street: "anhua",
    contractor: "contractorA",
    contractName: "标段一（县农行老旧小区）",
    projectManager: "王志强",
    subcontractor: { name: "德江县鑫安电气安装有限公司", manager: "冉光明" },
    builtYear: 1996,
    buildings: [
      { floors: 7, units: 4, perFloor: 2, year: 1996, structure: brick },
      { floors: 7, units: 4, perFloor: 2, year: 1996, structure: brick },
      { floors: 7, units: 4, perFloor: 2, year: 1997, structure: brick },
      { floors: 6, units: 4, perFloor: 2, year: 1997, structure: brick },
      { floors: 6, units: 4, perFloor: 2, year: 1998, structure: brick },
      { floors: 6, units: 3, perFloor: 2, year: 1998, structure: brick },
      { floors: 7, units: 3, perFloor: 2, year: 1999, structure: brick },
      { floors: 7, units: 3, perFloor: 2, year: 1999, structure: brick },
      { floors: 6, units: 3, perFloor: 2, year: 2000, structure: frame },
      { floors: 6, units: 3, perFloor: 2, year: 2000, structure: frame },
      { floors: 6, units: 4, perFloor: 2, year: 2001, structure: frame },
      { floors: 5, units: 4, perFloor: 2, year: 2001, structure: frame },
      { floors: 6, units: 4, perFloor: 2, year: 2002, structure: frame },
      { floors: 6, units: 4, perFloor: 2, year: 2002, structure: frame },
    ],
    zones: [
      {
        kind: "road",
        name: "主干道 A 段（小区大门—3栋）",
        description: "沥青路面修复，长约 180 m，宽 6 m",
      },
      {
        kind: "road",
        name: "宅间道路 B 段（4栋—9栋）",
        description: "水泥混凝土路面修复，长约 260 m，宽 4 m",
      },
      {
        kind: "pipe",
        name: "雨水管网 Y1（1栋—市政井）",
        description: "DN300 HDPE 双壁波纹管，约 220 m，检查井 8 座",
      },
      {
        kind: "pipe",
        name: "污水管网 W1（全小区）",
        description: "DN300 HDPE 双壁波纹管雨污分流，约 410 m，检查井 14 座",
      },
      {
        kind: "septic",
        name: "1# 化粪池（5栋北侧）",
        description: "新建钢筋混凝土化粪池 G9-50SQF",
      },
      {
        kind: "green",
        name: "中心绿地及文体广场",
        description: "绿地约 1,200 m²，透水铺装广场约 600 m²",
      },
      { kind: "rubbish", name: "垃圾分类收集点（大门内侧）", description: "四分类收集亭 1 座" },
      {
        kind: "fitness",
        name: "健身器材区（中心广场东侧）",
        description: "室外健身器材 8 件，塑胶地垫",
      },
      { kind: "parking", name: "停车场（沿围墙）", description: "新增停车位 46 个" },
      {
        kind: "demolition",
        name: "违章建筑拆除点（6栋、7栋间）",
        description: "拆除违建棚屋约 320 m²",
      },
    ],
  },
  {
    code: "WZB",
    name: "县武装部老旧小区",
    address: "德江县玉水街道武装部路",
    street: "yushui",
    contractor: "contractorB",
    contractName: "标段二（县武装部老旧小区）",
    projectManager: "杨德华",
    subcontractor: null,
    builtYear: 1993,
    buildings: [
      { floors: 6, units: 4, perFloor: 2, year: 1993, structure: brick },
      { floors: 6, units: 4, perFloor: 2, year: 1993, structure: brick },
      { floors: 6, units: 4, perFloor: 2, year: 1994, structure: brick },
      { floors: 6, units: 4, perFloor: 2, year: 1994, structure: brick },
      { floors: 7, units: 3, perFloor: 2, year: 1995, structure: brick },
      { floors: 7, units: 3, perFloor: 2, year: 1995, structure: brick },
      { floors: 6, units: 3, perFloor: 2, year: 1996, structure: brick },
      { floors: 6, units: 3, perFloor: 2, year: 1996, structure: brick },
      { floors: 6, units: 4, perFloor: 2, year: 1998, structure: frame },
      { floors: 5, units: 4, perFloor: 2, year: 1998, structure: frame },
      { floors: 7, units: 4, perFloor: 2, year: 2000, structure: frame },
      { floors: 6, units: 4, perFloor: 2, year: 2000, structure: frame },
    ],
    zones: [
      { kind: "road", name: "环形道路 A 段", description: "沥青路面修复，长约 320 m，宽 5 m" },
      {
        kind: "pipe",
        name: "雨水管网 Y1",
        description: "DN400 HDPE 双壁波纹管，约 260 m，检查井 9 座",
      },
      {
        kind: "pipe",
        name: "污水管网 W1",
        description: "DN300 HDPE 双壁波纹管，约 350 m，检查井 12 座",
      },
      { kind: "septic", name: "1# 化粪池（2栋西侧）", description: "原化粪池清掏、加固改造" },
      { kind: "green", name: "宅间绿地", description: "绿地约 800 m²" },
      { kind: "rubbish", name: "垃圾分类收集点（北门）", description: "四分类收集亭 1 座" },
      { kind: "fitness", name: "健身器材区（北门广场）", description: "室外健身器材 6 件" },
      { kind: "parking", name: "停车位（环形道路两侧）", description: "新增停车位 38 个" },
      {
        kind: "demolition",
        name: "违章建筑拆除点（8栋屋顶）",
        description: "拆除屋顶违建约 150 m²",
      },
    ],
  },
];
