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
});
