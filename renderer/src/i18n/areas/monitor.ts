/** Console texts of monitoring: the run's reconciliation card, alerts, dashboard. */
export const monitorTexts = {
  'zh-CN': {
    monitor: {
      recon: {
        reconciled: '已核对', deviation: '有偏差', 'not-reconciled': '未核对',
        readRow: '读取 / 写入', readHint: '发送端“读取”是本次覆盖的源行数（含未变化的行）；接收端是实际写入与拒收的行数。两者不相等并不表示丢数，偏差只看新增、更新、删除三类。',
        notComparable: '未核对',
      },
      dashboard: {
        status: '运行状态', running: '正在运行', failedToday: '今日失败', openAlerts: '未解除告警', deviationToday: '今日偏差', runsToday: '今日运行',
        stale: '数据过期/停滞', runningBridges: '正在运行的桥接任务', progress: '进度', throughput: '吞吐量（最近 24 小时，每小时行数）',
        read: '读取行数', written: '写入行数', recentAlerts: '最近告警', allAlerts: '全部告警', sparklines: '各桥接任务最近运行', recentRuns: '最近运行（读取行数）', lastRows: '最近一次读取',
      },
      records: {
        title: '核对记录', hint: '每次运行的发送端与接收端计数、偏差与核对结果；可按日期、桥接任务、核对结果筛选，并导出交给平台。',
        range: '日期', bridge: '桥接任务', status: '核对结果', deviationOnly: '只看有偏差', search: '查询', exportXlsx: '导出 Excel', exportCsv: '导出 CSV',
        daily: '按日汇总', byBridge: '按桥接任务汇总', detail: '运行明细', day: '日期', runs: '运行次数', failed: '失败', notReconciled: '未核对', withDeviation: '有偏差次数',
        senderTotal: '发送端读取', senderInserted: '发送端新增', senderUpdated: '发送端更新', senderDeleted: '发送端删除',
        receiverInserted: '接收端新增', receiverUpdated: '接收端更新', receiverDeleted: '接收端删除', rejected: '拒收', deviation: '偏差',
        started: '开始时间', mode: '模式', runStatus: '运行状态', duration: '耗时', rowsPerDay: '每日读取与写入行数', deviationPerDay: '每日偏差',
        written: '接收端写入', exported: '已导出 {{n}} 条记录', runId: '运行编号',
      },
      channels: {
        title: '通知渠道', name: '名称', kind: '类型', url: '地址', secret: '加签密钥 / 邮箱密码', secretKept: '已设置（留空则不变）', minSeverity: '最低级别',
        enabled: '启用', lastSent: '最近发送', lastError: '最近错误', add: '添加渠道', save: '保存', test: '发送测试', testOk: '测试消息已送达（尝试 {{n}} 次）',
        testFailed: '发送失败：{{error}}', remove: '删除', host: 'SMTP 服务器', port: '端口', user: '用户名', from: '发件人', to: '收件人（逗号分隔）',
        kinds: { webhook: '通用 Webhook（JSON）', dingtalk: '钉钉群机器人', wecom: '企业微信群机器人', email: '电子邮件（SMTP）' },
      },
      watch: {
        title: '桥接监控设置', hint: '为每个桥接任务设置数据时限、定时数据核对，以及“源数据停止变化”告警。', pickBridge: '选择桥接任务',
        freshness: '数据时限', freshnessHint: '最近一次成功运行超过该时长即告警；留空则按资源目录的更新周期。', fromCatalog: '按资源目录', minutes: '分钟',
        reconcile: '定时数据核对（cron）', reconcileHint: '例如“0 0 2 * * *”表示每天 2:00 核对发送端与交换库的数据；留空则不定时核对。',
        sourceStale: '源数据停止变化告警', sourceStaleHint: '已部署的桥接任务通常每次运行都发现变化、却长时间没有变化时告警（同步看似正常，源业务系统可能已停止写入）。自动：按运行历史学习通常的变化间隔，超过其 3 倍（至少 30 分钟）告警。',
        staleAuto: '自动', staleOff: '关闭', staleLimit: '固定时长', staleMinutes: '无变化超过', staleMinutesRequired: '请填写时长（至少 10 分钟）',
        saved: '监控设置已保存', readOnly: '当前账号只能查看，不能修改监控设置',
      },
      alerts: {
        title: '告警', open: '未处理', acknowledged: '已确认', resolved: '已解除', all: '全部',
        kind: '类别', severity: '级别', bridge: '桥接任务', subject: '对象', status: '状态', message: '内容',
        firstSeen: '首次出现', lastSeen: '最近出现', count: '次数', ack: '确认', ackComment: '确认说明', ackBy: '确认人',
        ackDone: '已确认告警', commentRequired: '请填写确认说明', empty: '暂无告警', onlyOpen: '只看未解除',
        severities: { critical: '严重', warning: '警告', info: '提示' },
        kinds: {
          deviation: '偏差', 'run-failed': '运行失败', 'run-retried': '反复重试', freshness: '数据过期', 'connection-health': '连接检测失败',
          'schema-drift': '表结构变更', 'disk-space': '磁盘空间不足', 'data-reconciliation': '数据核对有差异', stall: '桥接停滞', 'source-stale': '源数据停止变化',
        },
      },
    },
  },
  en: {
    monitor: {
      recon: {
        reconciled: 'Reconciled', deviation: 'Deviation', 'not-reconciled': 'Not reconciled',
        readRow: 'Read / written', readHint: 'The sender\'s "read" counts the source rows this run covered, unchanged rows included; the receiver counts rows actually written and rejected. They need not be equal: deviation compares only inserts, updates and deletes.',
        notComparable: 'Not reconciled',
      },
      dashboard: {
        status: 'Status', running: 'Running', failedToday: 'Failed today', openAlerts: 'Open alerts', deviationToday: 'Deviation today', runsToday: 'Runs today',
        stale: 'Stale / stalled', runningBridges: 'Bridges running', progress: 'Progress', throughput: 'Throughput (last 24 hours, rows per hour)',
        read: 'Rows read', written: 'Rows written', recentAlerts: 'Recent alerts', allAlerts: 'All alerts', sparklines: 'Recent runs per bridge', recentRuns: 'Recent runs (rows read)', lastRows: 'Last run read',
      },
      records: {
        title: 'Reconciliation record', hint: 'Sender and receiver counts, deviation and reconciliation of every run; filter by date, bridge and result, and export for the platform.',
        range: 'Dates', bridge: 'Bridge', status: 'Reconciliation', deviationOnly: 'Deviation only', search: 'Search', exportXlsx: 'Export Excel', exportCsv: 'Export CSV',
        daily: 'Per day', byBridge: 'Per bridge', detail: 'Runs', day: 'Day', runs: 'Runs', failed: 'Failed', notReconciled: 'Not reconciled', withDeviation: 'Runs with deviation',
        senderTotal: 'Sender read', senderInserted: 'Sender inserted', senderUpdated: 'Sender updated', senderDeleted: 'Sender deleted',
        receiverInserted: 'Receiver inserted', receiverUpdated: 'Receiver updated', receiverDeleted: 'Receiver deleted', rejected: 'Rejected', deviation: 'Deviation',
        started: 'Started', mode: 'Mode', runStatus: 'Run status', duration: 'Duration', rowsPerDay: 'Rows read and written per day', deviationPerDay: 'Deviation per day',
        written: 'Receiver wrote', exported: '{{n}} records exported', runId: 'Run',
      },
      channels: {
        title: 'Notification channels', name: 'Name', kind: 'Kind', url: 'Address', secret: 'Signing secret / mail password', secretKept: 'Set (leave empty to keep)', minSeverity: 'Minimum severity',
        enabled: 'Enabled', lastSent: 'Last sent', lastError: 'Last error', add: 'Add channel', save: 'Save', test: 'Send test', testOk: 'Test message delivered ({{n}} attempts)',
        testFailed: 'Sending failed: {{error}}', remove: 'Remove', host: 'SMTP server', port: 'Port', user: 'User', from: 'From', to: 'To (comma-separated)',
        kinds: { webhook: 'Generic webhook (JSON)', dingtalk: 'DingTalk group robot', wecom: 'WeCom group robot', email: 'E-mail (SMTP)' },
      },
      watch: {
        title: 'Bridge monitoring settings', hint: 'Per bridge: a freshness limit, a scheduled data reconciliation and the "source stopped changing" alert.', pickBridge: 'Pick a bridge',
        freshness: 'Freshness limit', freshnessHint: 'Alert when the last successful run is older than this; empty: the catalog entry\'s update cycle applies.', fromCatalog: 'From the catalog', minutes: 'minutes',
        reconcile: 'Scheduled data reconciliation (cron)', reconcileHint: 'E.g. "0 0 2 * * *" compares the source with the exchange table at 02:00 each day; empty: none.',
        sourceStale: '"Source stopped changing" alert', sourceStaleHint: 'Alerts when a deployed bridge whose runs usually find changes has found none for much longer than usual (sync looks healthy while the business system may have stopped writing). Automatic: learns the usual interval between changes from the runs and alerts after three of them (at least 30 minutes).',
        staleAuto: 'Automatic', staleOff: 'Off', staleLimit: 'Fixed limit', staleMinutes: 'No change for more than', staleMinutesRequired: 'Enter a limit (at least 10 minutes)',
        saved: 'Monitoring settings saved', readOnly: 'This account may view the monitoring settings but not change them',
      },
      alerts: {
        title: 'Alerts', open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved', all: 'All',
        kind: 'Kind', severity: 'Severity', bridge: 'Bridge', subject: 'Subject', status: 'Status', message: 'Message',
        firstSeen: 'First seen', lastSeen: 'Last seen', count: 'Count', ack: 'Acknowledge', ackComment: 'Comment', ackBy: 'Acknowledged by',
        ackDone: 'Alert acknowledged', commentRequired: 'Please enter a comment', empty: 'No alerts', onlyOpen: 'Unresolved only',
        severities: { critical: 'Critical', warning: 'Warning', info: 'Info' },
        kinds: {
          deviation: 'Deviation', 'run-failed': 'Run failed', 'run-retried': 'Repeatedly retried', freshness: 'Data too old', 'connection-health': 'Health check failed',
          'schema-drift': 'Schema drift', 'disk-space': 'Disk space low', 'data-reconciliation': 'Data reconciliation differences', stall: 'Bridge stalled', 'source-stale': 'Source stopped changing',
        },
      },
    },
  },
};
