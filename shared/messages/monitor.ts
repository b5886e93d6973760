import { defineMessages } from './define.js';

/** Run reconciliation states (桥接核对), run phases and the monitoring texts of the engine. */
export const monitorMessages = defineMessages({
  'monitor.recon.reconciled': { 'zh-CN': '已核对：无偏差，发送端与接收端一致', en: 'Reconciled: sender and receiver agree (no deviation)' },
  'monitor.recon.deviation': {
    'zh-CN': '存在偏差 {total}（新增 {inserted}，更新 {updated}，删除 {deleted}）',
    en: 'Deviation {total} (inserted {inserted}, updated {updated}, deleted {deleted})',
  },
  'monitor.recon.failed': { 'zh-CN': '未核对：运行在“{phase}”阶段失败：{reason}', en: 'Not reconciled: the run failed at phase "{phase}": {reason}' },
  'monitor.recon.cancelled': { 'zh-CN': '未核对：运行在“{phase}”阶段被取消：{reason}', en: 'Not reconciled: the run was cancelled at phase "{phase}": {reason}' },
  'monitor.recon.running': { 'zh-CN': '未核对：运行尚未结束（当前阶段“{phase}”）', en: 'Not reconciled: the run has not finished (phase "{phase}")' },
  'monitor.recon.skipped': { 'zh-CN': '未核对：本次触发被跳过（{reason}）', en: 'Not reconciled: this trigger was skipped ({reason})' },
  'monitor.recon.queued': { 'zh-CN': '未核对：运行正在排队，尚未开始', en: 'Not reconciled: the run is queued and has not started' },
  'monitor.recon.noReason': { 'zh-CN': '未记录原因', en: 'no reason recorded' },
  'monitor.recon.readMeaning': {
    'zh-CN': '发送端读取 {read} 行，其中 {changed} 行有变化需写入，{unchanged} 行未变化（无需写入）；接收端写入 {applied} 行，拒收 {rejected} 行',
    en: 'The sender read {read} rows: {changed} changed and had to be written, {unchanged} unchanged (nothing to write); the receiver applied {applied} rows and rejected {rejected}',
  },

  'monitor.badCron': { 'zh-CN': '计划“{cron}”不是有效的 cron 表达式：{detail}', en: 'The schedule "{cron}" is not a valid cron expression: {detail}' },
  'monitor.metricsToken': {
    'zh-CN': '读取 {path} 需要只读令牌（请求头 Authorization: Bearer <令牌>）；令牌见数据目录中的 metrics-token 文件',
    en: 'Reading {path} needs the read-only token (header Authorization: Bearer <token>); the token is in the metrics-token file of the data directory',
  },

  'monitor.phase.queued': { 'zh-CN': '排队', en: 'queued' },
  'monitor.phase.prepare': { 'zh-CN': '准备（连接数据库、读取表结构）', en: 'preparing (connecting, reading the table structure)' },
  'monitor.phase.copy': { 'zh-CN': '复制', en: 'copying' },
  'monitor.phase.deletes': { 'zh-CN': '查找删除', en: 'finding deletes' },
  'monitor.phase.ranges': { 'zh-CN': '区段比对', en: 'comparing key ranges' },
  'monitor.phase.incremental': { 'zh-CN': '增量读取', en: 'reading changes' },
  'monitor.phase.receive': { 'zh-CN': '下发', en: 'applying changes' },
  'monitor.phase.done': { 'zh-CN': '完成', en: 'done' },
  'monitor.phase.idle': { 'zh-CN': '空闲', en: 'idle' },
});
