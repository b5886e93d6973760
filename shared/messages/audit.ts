import { defineMessages } from './define.js';

/** The audit log's verification and export. */
export const auditMessages = defineMessages({
  'audit.intact': { 'zh-CN': '审计日志完整：{records} 条记录，链与校验点一致', en: 'The audit log is intact: {records} records, chain and checkpoint agree' },
  'audit.brokenHash': { 'zh-CN': '审计日志被篡改：第 {seq} 条记录的校验值不符', en: 'The audit log has been tampered with: record {seq} does not verify' },
  'audit.brokenLink': { 'zh-CN': '审计日志被篡改：第 {seq} 条记录处链条断开（记录被删除、插入或重排）', en: 'The audit log has been tampered with: the chain breaks at record {seq} (records deleted, inserted or reordered)' },
  'audit.truncated': { 'zh-CN': '审计日志被截断：从第 {seq} 条起的记录缺失', en: 'The audit log has been truncated: records from {seq} on are missing' },
  'audit.checkpoint': { 'zh-CN': '审计校验点文件缺失或被篡改，无法确认日志完整', en: 'The audit checkpoint file is missing or altered; the log cannot be confirmed complete' },
  'audit.exported': { 'zh-CN': '已导出 {records} 条审计记录到 {file}', en: 'Exported {records} audit records to {file}' },
});
