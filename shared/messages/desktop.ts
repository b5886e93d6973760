import { defineMessages } from './define.js';

/** Messages of the engine log, diagnostics and the desktop shell. */
export const desktopMessages = defineMessages({
  'logs.engineStarted': { 'zh-CN': '引擎已启动：版本 {version}，数据目录 {dataDir}，进程号 {pid}', en: 'Engine started: version {version}, data directory {dataDir}, process {pid}' },
  'logs.engineStopped': { 'zh-CN': '引擎已停止', en: 'Engine stopped' },
  'logs.engineListening': { 'zh-CN': '控制台地址 {url}', en: 'Console at {url}' },
  'logs.engineCrashed': { 'zh-CN': '引擎异常：{detail}', en: 'Engine failure: {detail}' },
  'logs.runStarted': { 'zh-CN': '桥接任务 {bridge} 开始运行（运行 {id}，{mode}）', en: 'Bridge {bridge} started (run {id}, {mode})' },
  'logs.runSucceeded': {
    'zh-CN': '桥接任务 {bridge} 运行成功（运行 {id}）：发送端 {read} 行，接收端写入 {written} 行，偏差 {deviation}，用时 {seconds} 秒',
    en: 'Bridge {bridge} succeeded (run {id}): sender {read} rows, receiver {written} rows, deviation {deviation}, {seconds} s',
  },
  'logs.runFailed': { 'zh-CN': '桥接任务 {bridge} 运行失败（运行 {id}，阶段 {phase}）：[{code}] {error}', en: 'Bridge {bridge} failed (run {id}, phase {phase}): [{code}] {error}' },
  'logs.runCancelled': { 'zh-CN': '桥接任务 {bridge} 已取消（运行 {id}）', en: 'Bridge {bridge} cancelled (run {id})' },

  'diagnostics.written': { 'zh-CN': '诊断包已保存到 {file}（{size}，{entries} 个文件，不含任何密码或密钥）', en: 'Diagnostics saved to {file} ({size}, {entries} files, without any password or key)' },
  'diagnostics.cannotWrite': { 'zh-CN': '无法写入诊断包 {file}：{detail}', en: 'Cannot write the diagnostics file {file}: {detail}' },
  'diagnostics.outRequired': { 'zh-CN': '请用 --out 指定诊断包的保存位置，例如 --out diagnostics.zip', en: 'Say where to save the diagnostics with --out, e.g. --out diagnostics.zip' },
});
