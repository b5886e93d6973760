import fs from 'node:fs';
import path from 'node:path';
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
  it('is how the engine, the server, the CLI and the connectors word every error they throw: no English literal in `new ExNodeError(code, ...)`', () => {
    // INTERNAL errors are the node's own faults (a connector given another dialect's config), not a technician's to act on.
    const literal = /new ExNodeError\(\s*'(?!INTERNAL')[A-Z_]+'\s*,\s*['"`]/g;
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          const source = fs.readFileSync(file, 'utf8');
          for (const m of source.matchAll(literal)) offenders.push(`${file}:${source.slice(0, m.index).split('\n').length}`);
        }
      }
    };
    walk(path.resolve(__dirname, '../../electron/engine'));
    walk(path.resolve(__dirname, '../../connectors'));
    walk(path.resolve(__dirname, '../../electron/server'));
    expect(offenders).toEqual([]);
  });
});
