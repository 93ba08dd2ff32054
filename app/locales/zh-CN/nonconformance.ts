/** Nonconformance routes of an inspection lot (GB 50300-2013 §5.0.6; decision 0032). */
const nonconformance = {
  routes: {
    testing: "检测鉴定",
    recalculation: "设计核算",
  },
  clause: {
    // What the record says of a lot accepted by a route (the 附录E record, page and PDF).
    testing: "按 GB 50300-2013 第5.0.6条第2款 经检测鉴定予以验收",
    recalculation: "按 GB 50300-2013 第5.0.6条第3款 经原设计单位核算认可予以验收",
  },
  rules: {
    // GB 50300-2013 §5.0.6 and §5.0.8 (the clause text, as the standard words it).
    rework: "第5.0.6条第1款：经返工或返修的检验批，应重新进行验收。",
    testing: "第5.0.6条第2款：经有资质的检测机构检测鉴定能够达到设计要求的检验批，应予以验收。",
    recalculation:
      "第5.0.6条第3款：经有资质的检测机构检测鉴定达不到设计要求、但经原设计单位核算认可能够满足安全和使用功能的检验批，可予以验收。",
    repair:
      "第5.0.6条第4款：经返修或加固处理的分项、分部工程，满足安全及使用功能要求时，可按技术处理方案和协商文件的要求予以验收。",
    forbidden:
      "第5.0.8条（强制性条文）：经返修或加固处理仍不能满足安全或重要使用要求的分部工程及单位工程，严禁验收。",
  },
  panel: {
    title: "验收结论不合格：按 GB 50300-2013 第5.0.6条处理",
    intro: "本检验批的计算结论为不合格。可按以下途径之一处理，结论“不合格”始终保留在记录中。",
    reworkTitle: "返工或返修后重新验收",
    reworkHow: "退回施工单位返工或返修，施工单位重新自检并提交后，按正常程序重新验收。",
    testingTitle: "检测鉴定",
    testingHow:
      "委托有资质的检测机构检测鉴定，达到设计要求的，由专业监理工程师附检测报告予以验收。",
    recalculationTitle: "原设计单位核算",
    recalculationHow:
      "检测鉴定达不到设计要求、但原设计单位核算认可满足安全和使用功能的，由总监理工程师附核算文件予以验收。",
    open: "登记检测鉴定或设计核算",
    pending: "已登记{{route}}，待验收签认：签认将包含以下文件。",
  },
  form: {
    title: "按第5.0.6条登记验收途径",
    back: "返回检验批",
    route: "验收途径",
    body: "检测机构或原设计单位",
    bodyHint: "写全称，例如：某某县建设工程质量检测中心",
    reportNumber: "报告或核算文件编号",
    note: "说明",
    noteHint: "检测或核算的对象、结论和依据",
    document: "检测报告或核算文件（PDF 或照片）",
    documentHint: "PDF、JPEG、PNG 或 WebP，最大 {{mb}} MB。文件登记后不可更改。",
    submit: "登记",
    chiefOnly: "（须总监理工程师）",
    recorded: "已登记验收途径。请验收签认。",
  },
  record: {
    heading: "不合格处理",
    route: "验收途径",
    body: "检测机构/设计单位",
    reportNumber: "报告编号",
    document: "文件",
    sha256: "SHA-256",
    note: "说明",
    failedVerdict: "原计算结论",
    recordedBy: "登记人",
    reworked: "返工或返修后重新验收",
    returned: "{{date}} {{name}} 退回：{{reason}}",
    resubmitted: "{{date}} {{name}} 重新提交",
    labelled: "{{label}}：{{value}}",
    hashed: "{{name}}（SHA-256 {{sha256}}）",
    sep: "；",
  },
  errors: {
    forbiddenRole: "只有专业监理工程师可以登记验收途径",
    wrongState: "只有已提交、待验收的检验批可以登记验收途径",
    verdictPasses: "本检验批结论合格，按正常程序验收签认即可，不需要第5.0.6条的途径",
    verdictIncomplete: "检查记录尚未完成：完成检查且结论不合格时，才可按第5.0.6条处理",
    chiefRequired: "按第5.0.6条第3款（设计核算）验收须由总监理工程师办理",
    documentRequired: "请附检测报告或核算文件（PDF 或照片）",
    documentFormat: "文件“{{name}}”不是 PDF、JPEG、PNG 或 WebP",
    documentTooLarge: "文件超过 {{mb}} MB",
    documentUnreadable: "文件“{{name}}”已损坏，无法打开，未保存",
    storageFull: "服务器存储空间不足，文件未保存，请联系管理员",
    oneDocument: "只能附一个文件",
    notMultipart: "请用表单上传文件",
    incomplete: "上传不完整，请重试",
    routeUnknown: "请选择验收途径",
    bodyRequired: "请填写检测机构或原设计单位",
    reportNumberRequired: "请填写报告编号",
    noteRequired: "请填写说明",
    tooLong: "“{{field}}”太长",
    notFound: "检验批不存在或无权查看",
    changedByOther: "检验批已被他人更改，请刷新后重试",
    documentMissing: "文件不存在",
  },
  completion: {
    remark: "按 GB 50300-2013 第5.0.6条第2、3款验收的检验批：{{list}}",
  },
};

export default nonconformance;
