import { defineMessages } from './define.js';

/** Messages of creating bridges for many tables at once (批量创建). */
export const batchMessages = defineMessages({
  'batch.noKey': { 'zh-CN': '没有主键或非空唯一键，无法识别每一行', en: 'No primary key or non-null unique key to identify each row' },
  'batch.noCursor': { 'zh-CN': '没有可作增量游标的字段（{columns}）', en: 'No column usable as incremental cursor ({columns})' },
  'batch.isView': { 'zh-CN': '这是视图，没有可用的主键', en: 'This is a view without a usable key' },
  'batch.tableMissing': { 'zh-CN': '数据源“{connection}”中没有表：{tables}', en: 'Connection "{connection}" has no table(s): {tables}' },
  'batch.nothingSelected': { 'zh-CN': '没有选中任何表（检查表名、--all 和 --exclude）', en: 'No table selected (check the table names, --all and --exclude)' },
  'batch.unusable': {
    'zh-CN': '以下表不能创建桥接任务，未创建任何任务：{tables}',
    en: 'These tables cannot be bridged, nothing was created: {tables}',
  },
  'batch.nameTaken': { 'zh-CN': '名称或目标表已被占用，未创建任何任务：{names}', en: 'Names or target tables already taken, nothing was created: {names}' },
  'batch.duplicateTarget': { 'zh-CN': '多个表将写入同一个目标表：{tables}', en: 'Several tables would write the same target table: {tables}' },
  'batch.badTarget': { 'zh-CN': '目标表名“{name}”无效：{reason}', en: 'Target table name "{name}" is invalid: {reason}' },
});
