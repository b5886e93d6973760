import { defineMessages } from './define.js';

/** Messages of bridge definitions: saving, finding and checking what a bridge reads. */
export const bridgeMessages = defineMessages({
  'bridges.notFound': { 'zh-CN': '不存在名为“{name}”的桥接任务', en: 'No bridge named "{name}"' },
  'bridges.idGone': { 'zh-CN': '桥接任务 {id} 已不存在', en: 'Bridge {id} no longer exists' },
  'bridges.exists': { 'zh-CN': '已存在名为“{name}”的桥接任务，请换一个名称或选择替换', en: 'A bridge named "{name}" already exists; choose another name or replace it' },
  'bridges.cursorNeeded': {
    'zh-CN': '增量模式需要指定增量游标字段：取值只增不减的列，例如更新时间',
    en: 'Incremental mode needs a "cursor": the column(s) whose values only grow, such as an update time',
  },
  'bridges.targetTaken': {
    'zh-CN': '桥接任务“{other}”已写入 {connection}.{table}；一个目标表只能属于一个桥接任务',
    en: 'Bridge "{other}" already writes {connection}.{table}; a target table belongs to one bridge',
  },
  'runs.notFound': {
    'zh-CN': '不存在编号为 {id} 的运行记录；最近的运行见 exnode run list 或控制台的“桥接核对”页面',
    en: 'No run with id {id}; see recent runs with `exnode run list` or on the console\'s Reconciliation page',
  },
  'bridges.storedInvalid': { 'zh-CN': '已保存的桥接任务“{name}”', en: 'stored bridge "{name}"' },
  'bridges.sourceTableMissing': {
    'zh-CN': '数据源“{connection}”中没有表“{table}”，请检查表名（或该表已被删除）',
    en: 'Connection "{connection}" has no table "{table}"; check the name (or the table was dropped)',
  },
  'bridges.sourceQueryFailed': {
    'zh-CN': '源查询无法在数据源“{connection}”上执行：{reason}',
    en: 'The source query cannot run on connection "{connection}": {reason}',
  },
  'bridges.sourceColumnMissing': {
    'zh-CN': '来源表 {table} 中没有字段 {columns}',
    en: 'Source table {table} has no column(s) {columns}',
  },
  'bridges.incrementalNoDeletes': {
    'zh-CN': '增量模式只读取游标字段增长的行，看不到来源表中被删除的行；需要同步删除时请选用比对模式，或不时全量运行一次',
    en: 'Incremental mode reads only rows whose cursor grew: it does not see rows deleted at the source; use snapshot diff mode, or run once in full now and then',
  },
});
