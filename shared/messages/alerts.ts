import { defineMessages } from './define.js';

/** Alert texts: what the alert centre, notifications and the CLI say. */
export const alertMessages = defineMessages({
  'alerts.deviation': {
    'zh-CN': '桥接任务“{bridge}”运行 {run} 存在偏差 {total}（新增 {inserted}，更新 {updated}，删除 {deleted}，拒收 {rejected}）',
    en: 'Bridge "{bridge}" run {run} has a deviation of {total} (inserted {inserted}, updated {updated}, deleted {deleted}, rejected {rejected})',
  },
  'alerts.runFailed': { 'zh-CN': '桥接任务“{bridge}”运行 {run} 失败：{reason}', en: 'Bridge "{bridge}" run {run} failed: {reason}' },
  'alerts.runRetried': {
    'zh-CN': '桥接任务“{bridge}”已连续失败 {failures} 次，最近一次：{reason}',
    en: 'Bridge "{bridge}" has failed {failures} times in a row; the last time: {reason}',
  },
  'alerts.schemaDrift': {
    'zh-CN': '数据源“{connection}”的表结构发生变化：{changes}',
    en: 'The table structure of connection "{connection}" changed: {changes}',
  },
  'alerts.freshness': {
    'zh-CN': '桥接任务“{bridge}”的数据已 {age} 分钟未更新，超过时限 {limit} 分钟',
    en: 'Bridge "{bridge}" has not delivered data for {age} minutes, longer than its limit of {limit} minutes',
  },
  'alerts.freshnessNever': {
    'zh-CN': '桥接任务“{bridge}”从未成功运行，数据时限为 {limit} 分钟',
    en: 'Bridge "{bridge}" has never run successfully; its freshness limit is {limit} minutes',
  },
  'alerts.connectionHealth': { 'zh-CN': '数据源“{connection}”健康检测失败：{reason}', en: 'Connection "{connection}" failed its health check: {reason}' },
  'alerts.diskSpace': {
    'zh-CN': '数据目录 {dir} 所在磁盘仅剩 {freeMb} MB 可用（低于 {limitMb} MB）',
    en: 'Only {freeMb} MB are free on the disk of the data directory {dir} (below {limitMb} MB)',
  },
  'alerts.dataReconciliation': {
    'zh-CN': '桥接任务“{bridge}”的数据核对发现差异：缺失 {missing} 行，多余 {extra} 行，不一致 {different} 行',
    en: 'The data reconciliation of bridge "{bridge}" found differences: {missing} missing, {extra} extra, {different} different rows',
  },
  'alerts.dataReconciliationFailed': {
    'zh-CN': '桥接任务“{bridge}”的定时数据核对未能完成：{reason}',
    en: 'The scheduled data reconciliation of bridge "{bridge}" could not finish: {reason}',
  },
  'alerts.stall': {
    'zh-CN': '桥接任务“{bridge}”按计划应在 {expected} 分钟内成功运行一次，但已 {age} 分钟没有成功运行',
    en: 'Bridge "{bridge}" should succeed every {expected} minutes by its schedule but has not for {age} minutes',
  },
  'alerts.sourceStale': {
    'zh-CN': '桥接任务“{bridge}”的源数据已 {age} 分钟没有变化（通常约每 {typical} 分钟有变化，告警阈值 {limit} 分钟）；同步仍在运行，请确认源业务系统是否仍在写入。最近一次发现变化：{lastChange}，最近一次运行：{lastRun}',
    en: 'The source of bridge "{bridge}" has not changed for {age} minutes (it usually changes about every {typical} minutes; limit {limit} minutes). Runs still succeed: check that the business system still writes. Last change seen: {lastChange}; last run: {lastRun}',
  },
  'alerts.sourceStaleFixed': {
    'zh-CN': '桥接任务“{bridge}”的源数据已 {age} 分钟没有变化，超过设定的 {limit} 分钟；同步仍在运行，请确认源业务系统是否仍在写入。最近一次发现变化：{lastChange}，最近一次运行：{lastRun}',
    en: 'The source of bridge "{bridge}" has not changed for {age} minutes, longer than its limit of {limit} minutes. Runs still succeed: check that the business system still writes. Last change seen: {lastChange}; last run: {lastRun}',
  },
  'alerts.notFound': { 'zh-CN': '没有编号为 {id} 的告警', en: 'No alert with id {id}' },
  'alerts.alreadyResolved': { 'zh-CN': '告警 {id} 已自动解除，无需确认', en: 'Alert {id} has already resolved itself; nothing to acknowledge' },
  'alerts.bridgeUnknown': { 'zh-CN': '没有名为“{bridge}”的桥接任务', en: 'No bridge named "{bridge}"' },
  'alerts.channelNotFound': { 'zh-CN': '没有名为“{name}”的通知渠道', en: 'No notification channel named "{name}"' },
  'alerts.testMessage': { 'zh-CN': '这是交换节点 ExNode 的测试通知，收到即表示告警通知配置正确。', en: 'This is a test notification from ExNode: alert notifications reach you.' },
  'alerts.notifyOpened': { 'zh-CN': '【{severity}告警】{text}', en: '[{severity} alert] {text}' },
  'alerts.notifyResolved': { 'zh-CN': '【已解除】{text}', en: '[Resolved] {text}' },
  'alerts.severity.critical': { 'zh-CN': '严重', en: 'Critical' },
  'alerts.severity.warning': { 'zh-CN': '警告', en: 'Warning' },
  'alerts.severity.info': { 'zh-CN': '提示', en: 'Info' },
  'alerts.deliveryRefused': { 'zh-CN': '接收方拒绝：{detail}', en: 'The receiver refused: {detail}' },
  'alerts.deliveryHttp': { 'zh-CN': '接收方返回 HTTP {status}：{detail}', en: 'The receiver answered HTTP {status}: {detail}' },
  'alerts.deliveryFailed': { 'zh-CN': '无法送达：{detail}', en: 'Could not deliver: {detail}' },
  'alerts.deliveryAttempts': { 'zh-CN': '{reason}（共尝试 {attempts} 次）', en: '{reason} ({attempts} attempts)' },
});
