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
  'runs.started': {
    'zh-CN': '开始运行：{mode}，{direction}，{source} → {target}',
    en: 'Run started: {mode} {direction} {source} → {target}',
  },
  'runs.finished': {
    'zh-CN': '运行结束：读取 {total} 行；发送端 新增/更新/删除 {si}/{su}/{sd}；接收端 新增/更新/删除 {ri}/{ru}/{rd}，拒收 {rejected}；偏差 {deviation}',
    en: 'Finished: read {total}, sender I/U/D {si}/{su}/{sd}, receiver I/U/D {ri}/{ru}/{rd}, rejected {rejected}, deviation {deviation}',
  },
  'runs.fullOnceOnlyIncremental': {
    'zh-CN': '“一次性全量运行”只适用于上报方向的增量桥接；桥接“{name}”每次运行都已读取全部数据，直接运行即可',
    en: '"Run once in full" applies to incremental send bridges only; bridge "{name}" already reads every row on each run: just run it',
  },
  'runs.mode.full': { 'zh-CN': '全量', en: 'full' },
  'runs.mode.incremental': { 'zh-CN': '增量', en: 'incremental' },
  'runs.mode.diff': { 'zh-CN': '比对', en: 'diff' },
  'runs.direction.send': { 'zh-CN': '上报', en: 'send' },
  'runs.direction.receive': { 'zh-CN': '下发', en: 'receive' },
});
