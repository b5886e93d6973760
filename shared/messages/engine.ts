import { defineMessages } from './define.js';

/** Failures of the engine's own machinery (the contract checking itself). */
export const engineMessages = defineMessages({
  'engine.outputMismatch': {
    'zh-CN': '引擎内部错误：操作“{op}”的返回值不符合接口约定（{issues}）',
    en: 'Engine fault: the output of "{op}" does not match the contract ({issues})',
  },
});
