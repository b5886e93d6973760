import { defineMessages } from './define.js';

/** Connection rules that keep stored secrets and the node's own files safe. */
export const connectionsMessages = defineMessages({
  'connections.passwordEnvPrefix': { 'zh-CN': '密码环境变量名必须以 EXNODE_PW_ 开头（如 EXNODE_PW_HR），不能读取引擎的其他环境变量', en: 'A password variable must start with EXNODE_PW_ (e.g. EXNODE_PW_HR); other variables of the engine are never read' },
  'connections.passwordEnvUnset': { 'zh-CN': '数据源“{name}”的密码取自环境变量 {variable}，但引擎环境中未设置该变量', en: 'Connection "{name}" reads its password from {variable}, which is not set in the engine\'s environment' },
  'connections.retypePassword': { 'zh-CN': '数据源“{name}”的主机、端口或用户已改变，保存的密码不能用于新地址，请重新输入密码', en: 'The host, port or user of connection "{name}" changed: its stored password is not sent to a new address; type the password again' },
  'connections.internalFile': { 'zh-CN': '不能把节点自身的文件（状态库、密钥、审计校验点、交换库内部文件）作为数据源：{file}', en: 'The node\'s own files (state database, keys, audit checkpoint, exchange internals) cannot be a connection: {file}' },
});
