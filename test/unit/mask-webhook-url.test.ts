import { describe, expect, it } from 'vitest';
import { maskWebhookUrl } from '../../shared/index.js';
import { redactSecrets } from '../../electron/engine/redact.js';

describe('webhook addresses shown without their credentials', () => {
  it('masks the robots\' tokens, keys, signatures and a user-info password, and nothing else', () => {
    expect(maskWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123')).toBe('https://oapi.dingtalk.com/robot/send?access_token=***');
    expect(maskWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***');
    expect(maskWebhookUrl('http://ops:hunter2@10.0.0.5:8080/hook?sign=s&ts=1&room=值班')).toBe(`http://ops:***@10.0.0.5:8080/hook?sign=***&ts=1&room=${encodeURIComponent('值班')}`);
    expect(maskWebhookUrl('http://10.0.0.5/hook')).toBe('http://10.0.0.5/hook');
    expect(maskWebhookUrl('not a url')).toBe('not a url');
  });

  it('is applied to every http(s) address in what logs and the audit trail record', () => {
    expect(redactSecrets({ name: 'x', config: { kind: 'dingtalk', url: 'https://h/robot?access_token=abc' }, secret: 'S' }))
      .toEqual({ name: 'x', config: { kind: 'dingtalk', url: 'https://h/robot?access_token=***' }, secret: '***' });
  });
});
