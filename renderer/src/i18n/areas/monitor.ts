/** Console texts of monitoring: the run's reconciliation card, alerts, dashboard. */
export const monitorTexts = {
  'zh-CN': {
    monitor: {
      recon: {
        reconciled: '已核对', deviation: '有偏差', 'not-reconciled': '未核对',
        readRow: '读取 / 写入', readHint: '发送端“读取”是本次覆盖的源行数（含未变化的行）；接收端是实际写入与拒收的行数。两者不相等并不表示丢数，偏差只看新增、更新、删除三类。',
        notComparable: '未核对',
      },
      alerts: {
        title: '告警', open: '未处理', acknowledged: '已确认', resolved: '已解除', all: '全部',
        kind: '类别', severity: '级别', bridge: '桥接任务', subject: '对象', status: '状态', message: '内容',
        firstSeen: '首次出现', lastSeen: '最近出现', count: '次数', ack: '确认', ackComment: '确认说明', ackBy: '确认人',
        ackDone: '已确认告警', commentRequired: '请填写确认说明', empty: '暂无告警', onlyOpen: '只看未解除',
        severities: { critical: '严重', warning: '警告', info: '提示' },
        kinds: {
          deviation: '偏差', 'run-failed': '运行失败', 'run-retried': '反复重试', freshness: '数据过期', 'connection-health': '连接检测失败',
          'schema-drift': '表结构变更', 'disk-space': '磁盘空间不足', 'data-reconciliation': '数据核对有差异', stall: '桥接停滞',
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
      alerts: {
        title: 'Alerts', open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved', all: 'All',
        kind: 'Kind', severity: 'Severity', bridge: 'Bridge', subject: 'Subject', status: 'Status', message: 'Message',
        firstSeen: 'First seen', lastSeen: 'Last seen', count: 'Count', ack: 'Acknowledge', ackComment: 'Comment', ackBy: 'Acknowledged by',
        ackDone: 'Alert acknowledged', commentRequired: 'Please enter a comment', empty: 'No alerts', onlyOpen: 'Unresolved only',
        severities: { critical: 'Critical', warning: 'Warning', info: 'Info' },
        kinds: {
          deviation: 'Deviation', 'run-failed': 'Run failed', 'run-retried': 'Repeatedly retried', freshness: 'Data too old', 'connection-health': 'Health check failed',
          'schema-drift': 'Schema drift', 'disk-space': 'Disk space low', 'data-reconciliation': 'Data reconciliation differences', stall: 'Bridge stalled',
        },
      },
    },
  },
};
