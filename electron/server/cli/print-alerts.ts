import type { Alert, Lang } from '../../../shared/index.js';
import { render } from '../../../shared/index.js';

const STATUS = { open: { en: 'open', 'zh-CN': '未处理' }, acknowledged: { en: 'acked', 'zh-CN': '已确认' }, resolved: { en: 'resolved', 'zh-CN': '已解除' } } as const;
const SEVERITY = { critical: { en: 'critical', 'zh-CN': '严重' }, warning: { en: 'warning', 'zh-CN': '警告' }, info: { en: 'info', 'zh-CN': '提示' } } as const;

/** Local time with its UTC offset, as the console shows it. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const offset = -d.getTimezoneOffset();
  const pad = (v: number) => String(Math.abs(v)).padStart(2, '0');
  const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19).replace('T', ' ');
  return `${local}${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

export function printAlerts(alerts: Alert[], total: number, lang: Lang): void {
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  if (alerts.length === 0) return out(lang === 'en' ? 'No alerts.' : '没有告警。');
  for (const a of alerts) {
    out(`#${a.id}  ${SEVERITY[a.severity][lang].padEnd(8)} ${STATUS[a.status][lang].padEnd(8)} ${a.kind.padEnd(19)} ×${a.count}  ${localTime(a.firstSeen)} → ${localTime(a.lastSeen)}`);
    out(`      ${render(lang, a.message)}`);
    if (a.acknowledged) out(`      ${lang === 'en' ? 'acknowledged by' : '确认人'} ${a.acknowledged.by} ${localTime(a.acknowledged.at)}: ${a.acknowledged.comment}`);
  }
  if (total > alerts.length) out(lang === 'en' ? `(${alerts.length} of ${total} shown; use --limit)` : `（共 ${total} 条，显示 ${alerts.length} 条；可用 --limit）`);
}
