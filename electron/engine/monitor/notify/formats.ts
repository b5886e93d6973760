import crypto from 'node:crypto';
import type { Alert, ChannelConfig } from '../../../../shared/index.js';
import { render, translate } from '../../../../shared/index.js';

/** What is sent: an alert that opened or resolved, or a test. */
export interface Notice {
  readonly event: 'alert.opened' | 'alert.resolved' | 'test';
  readonly alert: Alert | null;
}

/** The notice as one line of zh-CN text (the offices' language) and of English, for the department's tools. */
export function noticeText(notice: Notice, lang: 'zh-CN' | 'en'): string {
  if (!notice.alert) return translate(lang, 'alerts.testMessage');
  const text = render(lang, notice.alert.message);
  if (notice.event === 'alert.resolved') return translate(lang, 'alerts.notifyResolved', { text });
  return translate(lang, 'alerts.notifyOpened', { severity: translate(lang, `alerts.severity.${notice.alert.severity}`), text });
}

/** DingTalk's signed robot: timestamp and HMAC-SHA256 of "timestamp\nsecret" under the secret, in the address. */
export function dingTalkSignedUrl(url: string, secret: string, now = Date.now()): string {
  const sign = crypto.createHmac('sha256', secret).update(`${now}\n${secret}`, 'utf8').digest('base64');
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${encodeURIComponent(sign)}`;
}

/** The HTTP request a webhook-like channel sends. */
export function webhookRequest(config: Exclude<ChannelConfig, { kind: 'email' }>, secret: string | null, notice: Notice): { url: string; body: unknown } {
  const zh = noticeText(notice, 'zh-CN');
  switch (config.kind) {
    case 'dingtalk':
      return {
        url: secret ? dingTalkSignedUrl(config.url, secret) : config.url,
        body: { msgtype: 'markdown', markdown: { title: 'ExNode 告警', text: `#### ExNode 告警\n\n${zh}` } },
      };
    case 'wecom':
      return { url: config.url, body: { msgtype: 'markdown', markdown: { content: `**ExNode 告警**\n${zh}` } } };
    case 'webhook':
      return {
        url: config.url,
        body: { product: 'ExNode', event: notice.event, text: zh, textEn: noticeText(notice, 'en'), alert: notice.alert, sentAt: new Date().toISOString() },
      };
  }
}
