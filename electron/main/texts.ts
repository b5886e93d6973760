import { type Lang, type MessageKey, type MessageParams, translate } from '../../shared/index.js';

/** The shell speaks Chinese unless the system is set to English (DESIGN: zh-CN is the default). */
export function shellLanguage(locale: string, override?: string): Lang {
  if (override === 'en' || override === 'zh-CN') return override;
  return /^en\b/i.test(locale) ? 'en' : 'zh-CN';
}

export type Texts = (key: MessageKey, params?: MessageParams) => string;

export function textsFor(lang: Lang): Texts {
  return (key, params) => translate(lang, key, params);
}
