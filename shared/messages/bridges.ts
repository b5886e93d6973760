import { defineMessages } from './define.js';

/** Failures and run-log lines of the bridge pipeline (mapping, exchange writes, sync modes). */
export const bridgesMessages = defineMessages({
  'bridges.columnMissing': {
    'zh-CN': '找不到列 {column}：源表或交换表结构已变化，请检查桥接的列映射',
    en: 'Column {column} is missing: the source or exchange table has changed; check the bridge\'s column mapping',
  },
});
