import { defineMessages } from './define.js';

/** Messages of schedules, the run queue and run control. */
export const scheduleMessages = defineMessages({
  'schedule.bridgeDisabled': { 'zh-CN': '桥接“{name}”已停用，请先启用再运行', en: 'Bridge "{name}" is disabled; enable it before running' },
  'schedule.notScheduled': { 'zh-CN': '桥接“{name}”还没有调度计划；先用 exnode bridge schedule 设置', en: 'Bridge "{name}" has no schedule; set one with `exnode bridge schedule`' },
  'schedule.chainSelf': { 'zh-CN': '桥接“{name}”不能在自己成功后运行', en: 'Bridge "{name}" cannot run after itself' },
  'schedule.chainLoop': { 'zh-CN': '链式调度形成循环：{path}', en: 'The chained schedules form a loop: {path}' },
  'schedule.runFinished': { 'zh-CN': '运行 {id} 已经结束（{status}）', en: 'Run {id} has already {status}' },
  'schedule.cancelPending': {
    'zh-CN': '已请求取消运行 {id}；执行它的进程将在当前批次结束后停止',
    en: 'Cancellation of run {id} was requested; the process running it stops after its current batch',
  },
  'schedule.skipBusy': { 'zh-CN': '桥接正在运行或排队（运行 {id}），本次触发跳过', en: 'The bridge already has run {id} queued or running; this trigger was skipped' },
  'schedule.skipBusyElsewhere': {
    'zh-CN': '桥接正由另一个交换节点进程运行（运行 {id}），本次触发跳过',
    en: 'Another ExNode process is running this bridge (run {id}); this trigger was skipped',
  },
  'schedule.skipMissed': { 'zh-CN': '节点停机或休眠期间错过 {count} 次触发（最早 {first}），按策略跳过', en: 'Missed {count} fire(s) while the node was off or asleep (first at {first}); skipped by policy' },
  'schedule.runMissed': { 'zh-CN': '节点停机或休眠期间错过 {count} 次触发（最早 {first}），按策略现在补运行一次', en: 'Missed {count} fire(s) while the node was off or asleep (first at {first}); running once now by policy' },
  'schedule.skipNotAllowed': { 'zh-CN': '部署该调度的账户“{actor}”无权运行桥接', en: 'The account "{actor}" that deployed this schedule may not run bridges' },
  'schedule.resumed': { 'zh-CN': '执行此运行的进程已停止；从上一个检查点继续', en: 'The process running this run stopped; resuming from the last checkpoint' },
  'schedule.attemptFailed': {
    'zh-CN': '第 {attempt} 次尝试失败（{code}）：{message}；{seconds} 秒后重试',
    en: 'Attempt {attempt} failed ({code}): {message}; retrying in {seconds} s',
  },
  'schedule.attemptStart': { 'zh-CN': '第 {attempt} 次尝试开始', en: 'Attempt {attempt} started' },
  'schedule.terminal': { 'zh-CN': '失败且重试无益（{code}）：{message}', en: 'Failed, and retrying would not help ({code}): {message}' },
  'schedule.cancelled': { 'zh-CN': '运行已取消（当前批次已完成并记录检查点）；再次运行桥接即可继续', en: 'Run cancelled after its current batch was checkpointed; run the bridge again to continue' },
  'schedule.cancelledQueued': { 'zh-CN': '运行在开始前被取消', en: 'Cancelled before it started' },
  'schedule.cancelledStale': { 'zh-CN': '运行已取消（执行它的进程已不在）', en: 'Cancelled (the process that ran it is gone)' },
  'schedule.shuttingDown': { 'zh-CN': '节点正在停止；运行将在下次启动时从检查点继续', en: 'The node is shutting down; the run continues from its checkpoint at the next start' },
  'schedule.chained': { 'zh-CN': '由桥接“{after}”的成功运行 {id} 触发', en: 'Triggered by the successful run {id} of bridge "{after}"' },
  'schedule.fired': { 'zh-CN': '定时触发（计划时间 {at}，以账户“{actor}”运行）', en: 'Scheduled fire (planned for {at}, running as "{actor}")' },
  'schedule.stopRequested': { 'zh-CN': '调度已停止；正在进行的运行会完成当前批次并记录检查点', en: 'Schedule stopped; a run under way finishes its current batch and checkpoints' },
  'schedule.remoteAuth': {
    'zh-CN': '本数据目录上的交换节点服务要求登录：先运行 exnode login（{detail}）',
    en: 'The ExNode service on this data directory requires a login: run `exnode login` first ({detail})',
  },
});
