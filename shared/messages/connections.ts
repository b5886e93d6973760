import { defineMessages } from './define.js';

/** Connection rules that keep stored secrets and the node's own files safe. */
export const connectionsMessages = defineMessages({
  'connections.notFound': { 'zh-CN': '不存在名为“{name}”的数据源；可在“数据源”页面或用 exnode connection list 查看', en: 'No connection named "{name}"; see the connections page or `exnode connection list`' },
  'connections.exists': { 'zh-CN': '已存在名为“{name}”的数据源，请换一个名称或选择替换', en: 'A connection named "{name}" already exists; choose another name or replace it' },
  'connections.noExchange': { 'zh-CN': '尚未配置交换库；请在“设置”页面或用 exnode exchange set --file 文件 配置', en: 'No exchange database is configured; set one on the settings page or with `exnode exchange set --file F`' },
  'connections.isExchange': { 'zh-CN': '“{name}”是本节点的交换库，不能删除；请先把节点指向另一个交换库', en: '"{name}" is the exchange database; point the node at another one first' },
  'connections.inUse': { 'zh-CN': '数据源“{name}”正被桥接任务 {bridges} 使用；请先删除或修改这些桥接任务', en: 'Connection "{name}" is used by bridge(s) {bridges}; delete or change them first' },
  'connections.passwordEnvPrefix': { 'zh-CN': '密码环境变量名必须以 EXNODE_PW_ 开头（如 EXNODE_PW_HR），不能读取引擎的其他环境变量', en: 'A password variable must start with EXNODE_PW_ (e.g. EXNODE_PW_HR); other variables of the engine are never read' },
  'connections.passwordEnvUnset': { 'zh-CN': '数据源“{name}”的密码取自环境变量 {variable}，但引擎环境中未设置该变量', en: 'Connection "{name}" reads its password from {variable}, which is not set in the engine\'s environment' },
  'connections.retypePassword': { 'zh-CN': '数据源“{name}”的主机、端口或用户已改变，保存的密码不能用于新地址，请重新输入密码', en: 'The host, port or user of connection "{name}" changed: its stored password is not sent to a new address; type the password again' },
  'connections.internalFile': { 'zh-CN': '不能把节点自身的文件（状态库、密钥、审计校验点、交换库内部文件）作为数据源：{file}', en: 'The node\'s own files (state database, keys, audit checkpoint, exchange internals) cannot be a connection: {file}' },
});
