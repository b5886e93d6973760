import { describe, expect, it } from 'vitest';
import { ExNodeError, LANGS, MESSAGES, msg, placeholders, translate } from '../../shared/index.js';

describe('the message catalog', () => {
  it('has every message in every language, with the same parameters', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      for (const lang of LANGS) expect(text[lang].trim(), `${key} in ${lang}`).not.toBe('');
      expect(placeholders(text.en), `parameters of ${key}`).toEqual(placeholders(text['zh-CN']));
    }
  });
  it('keys each message by its area', () => {
    for (const key of Object.keys(MESSAGES)) expect(key).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z][\w.]*$/);
  });
  it('renders parameters, nested messages included', () => {
    const nested = msg('common.internal', { detail: msg('common.unknownOperation', { op: 'x/y' }) });
    expect(translate('en', nested.key, nested.params)).toBe('Internal error: Unknown operation "x/y"');
    expect(translate('zh-CN', nested.key, nested.params)).toBe('内部错误：未知操作“x/y”');
  });
  it('travels in the error envelope and is rendered in the caller\'s language', () => {
    const error = new ExNodeError('UNKNOWN_OPERATION', msg('common.unknownOperation', { op: 'a/b' }));
    expect(error.message).toBe('Unknown operation "a/b"');
    const back = ExNodeError.fromEnvelope(error.toEnvelope());
    expect(back.localized('zh-CN')).toBe('未知操作“a/b”');
    expect(back.message).toBe('Unknown operation "a/b"');
  });
});
