import { defineMessages } from './define.js';

/** Messages of the engine boundary itself: requests, input validation, internal failures. */
export const commonMessages = defineMessages({
  'common.unknownOperation': { 'zh-CN': '未知操作“{op}”', en: 'Unknown operation "{op}"' },
  'common.invalidInput': { 'zh-CN': '{subject}无效：{issues}', en: 'Invalid {subject}: {issues}' },
  'common.inputFor': { 'zh-CN': '操作“{op}”的输入', en: 'input for {op}' },
  'common.fileSubject': { 'zh-CN': '{what} {file}', en: '{what} {file}' },
  'common.fileUnreadable': { 'zh-CN': '无法读取{what} {file}：{reason}', en: 'Cannot read {what} {file}: {reason}' },
  'common.fileMissing': { 'zh-CN': '文件不存在', en: 'no such file' },
  'common.fileNotJson': { 'zh-CN': '{what} {file} 不是有效的 JSON：{reason}', en: 'The {what} {file} is not valid JSON: {reason}' },
  'common.connectionFile': { 'zh-CN': '数据源文件', en: 'connection file' },
  'common.bridgeFile': { 'zh-CN': '桥接任务文件', en: 'bridge file' },
  'common.internal': { 'zh-CN': '内部错误：{detail}', en: 'Internal error: {detail}' },
  'common.forbidden': { 'zh-CN': '当前角色无权执行“{operation}”（需要权限 {permission}）', en: 'Your role does not allow "{operation}" (needs {permission})' },
  'common.bodyNotJson': { 'zh-CN': '请求体不是有效的 JSON：{detail}', en: 'The request body is not valid JSON: {detail}' },
  'common.bodyTooLarge': { 'zh-CN': '请求体过大', en: 'The request body is too large' },
  'common.noApi': { 'zh-CN': '{method} {path} 不是有效接口；操作请使用 POST /api/ops/<名称>', en: 'No API at {method} {path}; operations are POST /api/ops/<name>' },
  'common.portInUse': { 'zh-CN': '{host} 的端口 {port} 已被占用（是否已有另一个 ExNode 在运行？）；请先停止它，或用 --port 换一个端口', en: 'Port {port} on {host} is already in use (is another ExNode running?); stop it or choose another port with --port' },
  'common.portDenied': { 'zh-CN': '无权监听端口 {port}；请用 --port 选择 1024 以上的端口', en: 'Not allowed to listen on port {port}; choose a port above 1024 with --port' },
  'common.nothingAt': { 'zh-CN': '{path} 不存在', en: 'Nothing at {path}' },
  'common.engineUnreachable': { 'zh-CN': '无法连接交换节点引擎（{detail}）', en: 'The ExNode engine cannot be reached ({detail})' },
  'common.engineAnswered': { 'zh-CN': '引擎返回 {status} {statusText}', en: 'The engine answered {status} {statusText}' },
});
