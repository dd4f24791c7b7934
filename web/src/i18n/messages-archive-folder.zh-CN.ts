/**
 * The Chinese messages of the enterprise's archive folder (档案夹, SVC-10, issue 18), spread into the reference
 * catalogue (messages.zh-CN.ts); messages-archive-folder.en-US.ts has the same keys.
 */
export const archiveFolderZhCN = {
  'folder.title': '档案夹',
  'folder.titleOf': '档案夹 · {name}',
  'folder.open': '档案夹',
  'folder.back': '返回',
  'folder.intro':
    '该企业本保单年度归档的全部文件：保险合同（保险单及批改）、服务方案、服务记录及其证据材料、隐患整改通知书和整改证据材料、第三方服务机构的外包服务合同、事故预防费用台账摘录、投诉及答复记录。每份文件自归档之日起至少保存五年，不可修改；“校验”会重新读取文件并计算 SHA-256，与归档时记录的摘要比对。',
  'folder.year': '保单年度',
  'folder.yearOption': '{year} 年',
  'folder.count': '共 {count} 份文件',
  'folder.empty': '本保单年度暂无归档文件',
  'folder.kind.POLICY': '保险合同',
  'folder.kind.SERVICE_PLAN': '服务方案',
  'folder.kind.SERVICE_RECORD': '服务记录',
  'folder.kind.SERVICE_EVIDENCE': '服务证据材料',
  'folder.kind.HAZARD_NOTICE': '隐患整改通知书',
  'folder.kind.RECTIFICATION_EVIDENCE': '整改证据材料',
  'folder.kind.OUTSOURCING_CONTRACT': '外包服务合同',
  'folder.kind.LEDGER_EXTRACT': '费用台账摘录',
  'folder.kind.COMPLAINT': '投诉及答复',
  'folder.ledgerExtract': '生成台账摘录',
  'folder.ledgerExtractOf': '生成台账摘录（保单 {policyNumber}）',
  'folder.ledgerExtractDone': '台账摘录已归档',
  'folder.policy': '保单号',
  'folder.at': '归档时间',
  'folder.sha256': '记录的摘要',
  'folder.actual': '当前内容的摘要',
  'folder.missing': '文件缺失',
  'folder.retainUntil': '保存至',
  'folder.download': '下载',
  'folder.verify': '校验',
  'folder.matches': '校验一致',
  'folder.mismatch': '校验不一致',
} as const;
