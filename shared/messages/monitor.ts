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
  'monitor.badDuration': {
    'zh-CN': '{option} 的值“{value}”无效：请写分钟数或带单位的时长，如 90m、2h、1d',
    en: 'The value "{value}" of {option} is not valid: give minutes or a duration such as 90m, 2h, 1d',
  },
  'monitor.settingsHead': { 'zh-CN': '桥接任务“{bridge}”的监控设置', en: 'Monitoring settings of bridge "{bridge}"' },
  'monitor.settingsFreshness': { 'zh-CN': '  数据时限：{value}', en: '  freshness limit: {value}' },
  'monitor.settingsReconcile': { 'zh-CN': '  定时数据核对：{value}', en: '  scheduled data reconciliation: {value}' },
  'monitor.settingsSourceStale': { 'zh-CN': '  源数据停止变化告警：{value}', en: '  "source stopped changing" alert: {value}' },
  'monitor.minutes': { 'zh-CN': '{minutes} 分钟', en: '{minutes} minutes' },
  'monitor.none': { 'zh-CN': '未设置', en: 'not set' },
  'monitor.freshnessFromCatalog': { 'zh-CN': '未设置（按资源目录的更新周期）', en: 'not set (the catalog entry\'s update cycle applies)' },
  'monitor.sourceStaleAuto': { 'zh-CN': '自动（按运行历史学习通常的变化间隔）', en: 'automatic (learns the usual interval between changes from the runs)' },
  'monitor.sourceStaleOff': { 'zh-CN': '关闭', en: 'off' },
  'monitor.sourceStaleLimit': { 'zh-CN': '超过 {minutes} 分钟无变化即告警', en: 'alert after {minutes} minutes without a change' },
  'monitor.settingsNoChange': {
    'zh-CN': '未给出要修改的设置（--freshness、--no-freshness、--reconcile、--no-reconcile、--source-stale），以下为当前设置',
    en: 'Nothing to change was given (--freshness, --no-freshness, --reconcile, --no-reconcile, --source-stale); the current settings are',
  },
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
