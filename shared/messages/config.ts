import { defineMessages } from './define.js';

/** Messages of configuration as code (配置导入导出). */
export const configMessages = defineMessages({
  'config.notYaml': { 'zh-CN': '配置文件不是有效的 YAML（第 {line} 行）：{detail}', en: 'The configuration file is not valid YAML (line {line}): {detail}' },
  'config.invalid': { 'zh-CN': '配置文件有 {count} 处问题，未做任何修改：{problems}', en: 'The configuration file has {count} problem(s); nothing was changed: {problems}' },
  'config.unknownSection': { 'zh-CN': '未知的配置节“{section}”（本节点支持：{known}）', en: 'Unknown section "{section}" (this node knows: {known})' },
  'config.duplicateName': { 'zh-CN': '名称“{name}”重复出现', en: 'The name "{name}" appears more than once' },
  'config.missingConnection': { 'zh-CN': '引用的连接“{name}”既不在文件中，也不在本节点上', en: 'Connection "{name}" is neither in the file nor on this node' },
  'config.missingBridge': { 'zh-CN': '引用的桥接任务“{name}”既不在文件中，也不在本节点上', en: 'Bridge "{name}" is neither in the file nor on this node' },
  'config.removeUsed': { 'zh-CN': '连接“{name}”将被删除，但仍被桥接任务 {bridges} 使用', en: 'Connection "{name}" would be removed but bridges {bridges} still use it' },
  'config.applyFailed': { 'zh-CN': '导入在“{section}/{name}”处失败，已全部撤销：{detail}', en: 'The import failed at "{section}/{name}" and was rolled back entirely: {detail}' },
  'config.noPassword': { 'zh-CN': '连接“{name}”导入时没有密码（未设置环境变量 {variable}），请补充后再测试', en: 'Connection "{name}" was imported without a password ({variable} is not set); add it before testing' },
  'config.exported': { 'zh-CN': '已导出配置到 {file}（{sections}）；密码未导出，各连接的密码取自注明的环境变量', en: 'Exported the configuration to {file} ({sections}); passwords are not exported: each connection names its variable' },
  'config.planHeader': { 'zh-CN': '导入计划：新增 {added}，修改 {changed}，删除 {removed}，不变 {unchanged}', en: 'Plan: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged' },
  'config.applied': { 'zh-CN': '已按计划导入。', en: 'Imported as planned.' },
  'config.dryRun': { 'zh-CN': '未做修改；确认计划无误后加 --yes 执行导入。', en: 'Nothing changed; add --yes to apply the plan.' },
  'config.passwordPrompt': { 'zh-CN': '连接“{name}”的密码（环境变量 {variable} 未设置；直接回车则不设密码）：', en: 'Password of connection "{name}" ({variable} is not set; Enter for none): ' },
  'config.tooDeep': { 'zh-CN': '配置文件嵌套层数过深（第 {line} 行附近），已拒绝；正常的配置文件不会超过十几层', en: 'The configuration file is nested too deeply (near line {line}) and was refused; a real one is a dozen levels at most' },
  'config.aliasBomb': { 'zh-CN': '配置文件中的别名（*引用）展开过多（上限 {max}），疑似恶意文件，已拒绝', en: 'The configuration file\'s aliases (*references) expand too far (limit {max}); refused as a likely attack' },
  'config.tooLarge': { 'zh-CN': '配置文件 {file} 过大（{size} 字节，上限 {max} 字节），已拒绝', en: 'The configuration file {file} is too large ({size} bytes, limit {max}); refused' },
  'config.scheduleMissingBridge': { 'zh-CN': '调度所属的桥接任务“{name}”既不在文件中，也不在本节点上；请先在 bridges 中定义它', en: 'The schedule\'s bridge "{name}" is neither in the file nor on this node; define it under bridges first' },
  'config.badUrlVariable': { 'zh-CN': '环境变量 {variable} 的值应为以 {url} 开头、带令牌参数的 http(s) 地址', en: 'The value of {variable} should be an http(s) address starting with {url}, with its token' },
  'config.noSecret': { 'zh-CN': '通知渠道“{name}”导入时缺少密钥或令牌（未设置环境变量 {variable}），已导入为停用；补充后再启用', en: 'Channel "{name}" was imported without its secret or token ({variable} is not set) and is disabled; add it, then enable the channel' },
  'config.notDeployed': { 'zh-CN': '桥接“{name}”的调度在文件中为已部署，导入后为停止状态；确认后加 --deploy 导入并部署', en: 'The schedule of bridge "{name}" is deployed in the file but arrives stopped; add --deploy to deploy it' },
  'config.secretPrompt': { 'zh-CN': '通知渠道“{name}”的密钥或完整地址（环境变量 {variable} 未设置；直接回车则不设）：', en: 'Secret or full address of channel "{name}" ({variable} is not set; Enter for none): ' },
  'config.sharedVariable': { 'zh-CN': '通知渠道“{name}”与“{other}”使用同一个环境变量 {variable}；请为其中一个改名或指定别的变量', en: 'Channels "{name}" and "{other}" use the same variable {variable}; rename one or name another variable' },
});
