import { defineMessages } from './define.js';

/** Failures of the engine's own machinery (the contract checking itself). */
export const engineMessages = defineMessages({
  'engine.keyEnvLength': { 'zh-CN': '环境变量 {variable} 必须是 32 字节密钥的 base64 编码', en: '{variable} must be 32 bytes, base64-encoded' },
  'engine.keyFileDamaged': { 'zh-CN': '密钥文件 {file} 已损坏；请从备份恢复', en: 'The key file {file} is damaged; restore it from backup' },
  'engine.credentialFormat': { 'zh-CN': '保存的密码格式无法识别；请重新输入密码', en: 'A stored credential has an unknown format; enter the password again' },
  'engine.credentialUndecryptable': { 'zh-CN': '保存的密码无法用本节点的密钥解密（密钥可能已更换）；请重新输入密码', en: 'A stored credential cannot be decrypted with this node\'s key; enter the password again' },
  'engine.outputMismatch': {
    'zh-CN': '引擎内部错误：操作“{op}”的返回值不符合接口约定（{issues}）',
    en: 'Engine fault: the output of "{op}" does not match the contract ({issues})',
  },
});
