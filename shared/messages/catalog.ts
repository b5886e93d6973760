import { defineMessages } from './define.js';

/** Messages of the resource catalog (资源目录). */
export const catalogMessages = defineMessages({
  'catalog.notFound': { 'zh-CN': '资源目录中没有代码为“{code}”的信息资源', en: 'No catalog entry with resource code "{code}"' },
  'catalog.exists': { 'zh-CN': '信息资源代码“{code}”已被使用；请换一个顺序码，或选择覆盖', en: 'Resource code "{code}" is already used; choose another sequence code or replace it' },
  'catalog.bridgeTaken': { 'zh-CN': '桥接任务“{bridge}”已登记为信息资源“{code}”，一个交换表只登记一次', en: 'Bridge "{bridge}" is already catalogued as "{code}"; an exchange table is catalogued once' },
  'catalog.noBridge': { 'zh-CN': '没有名为“{bridge}”的桥接任务；信息资源须对应一个交换表', en: 'No bridge named "{bridge}"; a catalog entry belongs to an exchange table' },
  'catalog.invalidEntry': { 'zh-CN': '信息资源目录条目无效：{issues}', en: 'Invalid catalog entry: {issues}' },
  'catalog.importInvalid': { 'zh-CN': '导入文件有 {count} 处问题，未做任何修改：{problems}', en: 'The file has {count} problem(s); nothing was changed: {problems}' },
  'catalog.notWorkbook': { 'zh-CN': '无法读取 Excel 工作簿：{detail}', en: 'The Excel workbook cannot be read: {detail}' },
  'catalog.notJson': { 'zh-CN': '不是有效的 JSON：{detail}', en: 'Not valid JSON: {detail}' },
  'catalog.missingSheet': { 'zh-CN': '工作簿缺少工作表“{sheet}”', en: 'The workbook has no sheet "{sheet}"' },
  'catalog.duplicateCode': { 'zh-CN': '信息资源代码“{code}”重复出现', en: 'Resource code "{code}" appears more than once' },
  'catalog.orphanItem': { 'zh-CN': '信息项所属的资源代码“{code}”不在“信息资源”表中', en: 'Information item of resource "{code}", which is not on the resources sheet' },
  'catalog.badValue': { 'zh-CN': '“{value}”不是有效的{what}', en: '"{value}" is not a valid {what}' },
  'catalog.listHeader': { 'zh-CN': '资源目录共 {count} 条', en: '{count} catalog entr(ies)' },
  'catalog.exported': { 'zh-CN': '已导出 {count} 条信息资源到 {file}', en: 'Exported {count} catalog entr(ies) to {file}' },
  'catalog.planLine': { 'zh-CN': '新增 {added}，修改 {changed}，不变 {unchanged}', en: '{added} added, {changed} changed, {unchanged} unchanged' },
  'catalog.applied': { 'zh-CN': '已导入。', en: 'Imported.' },
  'catalog.dryRun': { 'zh-CN': '未做修改；确认无误后加 --yes 执行导入。', en: 'Nothing changed; add --yes to import.' },
  'catalog.needsReview': { 'zh-CN': '源表结构已变化，请复核信息项', en: 'the source table changed: review the information items' },
  'catalog.cannotRead': { 'zh-CN': '无法读取文件 {file}：{detail}', en: 'Cannot read {file}: {detail}' },
  'catalog.problemsHeader': { 'zh-CN': '发现 {count} 处问题，未做任何修改：', en: '{count} problem(s) found; nothing was changed:' },
});
