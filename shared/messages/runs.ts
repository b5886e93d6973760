import { defineMessages } from './define.js';

/** Run-log lines and failures of a bridge run (the run machinery: retries, batches, cancellation). */
export const runsMessages = defineMessages({
  'runs.cancelled': { 'zh-CN': '运行已取消；再次运行该桥接即可从断点继续', en: 'The run was cancelled; run the bridge again to continue' },
  'runs.retrying': {
    'zh-CN': '{reason}；{seconds} 秒后重试（第 {attempt} 次尝试）',
    en: '{reason}; retrying in {seconds} s (attempt {attempt})',
  },
  'runs.writingReceiver': { 'zh-CN': '写入接收端', en: 'Writing to the receiver' },
  'runs.batchRejected': {
    'zh-CN': '接收端拒收了一批 {rows} 行数据（{reason}），改为逐行写入以找出问题行',
    en: 'The receiver rejected a batch of {rows} rows ({reason}); applying them one by one',
  },
  'runs.targetUnusable': {
    'zh-CN': '接收端无法写入，运行已停止，不会把数据记为拒收：{reason}',
    en: 'The receiver cannot be written, so the run stops instead of rejecting rows: {reason}',
  },
  'runs.batchFailsAlike': {
    'zh-CN': '接收端对一批数据的前 {rows} 行逐行写入全部以同样原因失败，问题不在单行数据，运行已停止：{reason}。请排除原因后再次运行，将从断点继续',
    en: 'The first {rows} rows of a batch all failed the same way when written one by one, so the cause is not in the rows and the run stops: {reason}. Fix the cause and run again; it continues from the checkpoint',
  },
});
