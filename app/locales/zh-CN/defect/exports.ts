// defect:exports.* — register files built in the background (导出记录): the list, one export, errors.
const exports = {
  meta: "导出记录 · 验收",
  title: "导出记录",
  subtitle: "数据较多的台账在后台生成，完成后在此下载；文件保留 7 天",
  empty: "暂无导出记录。",
  kind: {
    "defects.xlsx": "质量问题台账（Excel）",
    "defects.pdf": "质量问题台账（PDF）",
    "lots.xlsx": "检验批清单（Excel）",
  },
  status: { queued: "生成中", running: "生成中", ready: "已完成", failed: "失败" },
  columns: {
    file: "文件",
    rows: "记录数",
    requestedAt: "申请时间",
    status: "状态",
    size: "大小",
    action: "操作",
  },
  rows_one: "{{count, number}} 条",
  rows_other: "{{count, number}} 条",
  download: "下载",
  open: "查看",
  all: "全部导出记录",
  pendingHint: "文件正在后台生成，本页会自动刷新，完成后即可下载。",
  noWorker: "后台任务未运行，请联系管理员",
  failedHint: "生成失败：{{reason}}",
  expiresAt: "下载有效期至 {{time}}",
  finishedAt: "完成时间 {{time}}",
  errors: {
    notFound: "导出记录不存在或您无权查看",
    noAccess: "您已无权导出这些记录",
    buildFailed: "生成文件时出错，请稍后重试",
    fileMissing: "文件已过期或不存在，请重新导出",
    unknownKind: "不支持的导出类型",
    storageFull: "服务器存储空间不足，请联系管理员",
  },
};

export default exports;
