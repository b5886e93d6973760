/** Texts of schedules, the runs page and run control. */
export const scheduleTexts = {
  'zh-CN': {
    schedule: {
      navSchedules: '调度计划', navRuns: '运行记录',
      title: '调度', kind: '触发方式', none: '不调度（仅手动运行）', cron: 'cron 表达式', interval: '固定间隔', after: '链式（另一桥接成功后）',
      cronExpr: 'cron 表达式（可含秒）', cronHelp: '例：0 30 2 * * * 表示每天 02:30:00；*/30 * * * * * 表示每 30 秒',
      timezone: '时区', every: '间隔', everyHelp: '如 30s、5m、1h', afterBridge: '前置桥接', missed: '停机期间错过的触发', missedRunOnce: '恢复后补运行一次', missedSkip: '跳过，等下次',
      description: '说明', nextFires: '接下来 5 次触发', invalid: '调度无效', deployed: '已部署', notDeployed: '未部署',
      deploy: '部署', stop: '停止', stopConfirm: '停止后不再按计划运行；正在进行的运行会完成当前批次后停止。', pauseAll: '全部暂停', resumeAll: '全部恢复',
      paused: '所有调度已暂停（{{by}}，{{at}}）', nextFire: '下次触发', lastRun: '上次运行', deployedBy: '部署人', noSchedule: '无调度',
      bridge: '桥接', status: '状态', trigger: '触发', started: '开始时间', finished: '结束时间', reason: '跳过原因', range: '时间范围', total: '共 {{n}} 条',
      triggers: { manual: '手动', schedule: '定时', cli: '命令行', resume: '续跑' },
    },
  },
  en: {
    schedule: {
      navSchedules: 'Schedules', navRuns: 'Runs',
      title: 'Schedule', kind: 'Trigger', none: 'None (runs only when started)', cron: 'Cron expression', interval: 'Fixed interval', after: 'Chain (after another bridge succeeds)',
      cronExpr: 'Cron expression (seconds optional)', cronHelp: 'e.g. 0 30 2 * * * is every day at 02:30:00; */30 * * * * * is every 30 seconds',
      timezone: 'Time zone', every: 'Every', everyHelp: 'e.g. 30s, 5m, 1h', afterBridge: 'After bridge', missed: 'Fires missed while the node was off', missedRunOnce: 'Run once when back', missedSkip: 'Skip to the next time',
      description: 'Description', nextFires: 'Next five fires', invalid: 'Invalid schedule', deployed: 'Deployed', notDeployed: 'Not deployed',
      deploy: 'Deploy', stop: 'Stop', stopConfirm: 'It will no longer run on schedule; a run under way finishes its current batch, then stops.', pauseAll: 'Pause all', resumeAll: 'Resume all',
      paused: 'All schedules paused (by {{by}} at {{at}})', nextFire: 'Next fire', lastRun: 'Last run', deployedBy: 'Deployed by', noSchedule: 'No schedule',
      bridge: 'Bridge', status: 'Status', trigger: 'Trigger', started: 'Started', finished: 'Finished', reason: 'Skipped because', range: 'Time range', total: '{{n}} in all',
      triggers: { manual: 'Manual', schedule: 'Scheduled', cli: 'Command line', resume: 'Resumed' },
    },
  },
} as const;
