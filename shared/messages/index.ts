import { type Lang, type MessageParams, type MessageRef, type MessageText, isMessageRef, isMessageText } from './define.js';
import { commonMessages } from './common.js';
import { bridgesMessages } from './bridges.js';
import { runsMessages } from './runs.js';
import { authMessages } from './auth.js';
import { usersMessages } from './users.js';
import { engineMessages } from './engine.js';
import { auditMessages } from './audit.js';
import { scheduleMessages } from './schedule.js';
import { monitorMessages } from './monitor.js';
import { alertMessages } from './alerts.js';
import { bridgeMessages } from './bridge-definitions.js';
import { batchMessages } from './batch.js';
import { cliMessages } from './cli.js';
import { validationMessages } from './validation.js';
import { desktopMessages } from './desktop.js';
import { catalogMessages } from './catalog.js';
import { configMessages } from './config.js';
import { connectionsMessages } from './connections.js';
import { connectorMessages } from './connectors.js';
import { securityMessages } from './security.js';

export * from './define.js';

/**
 * Every message the engine, the CLI and the console show, in every language. Each area keeps its
 * own file (`connections.ts`, `auth.ts`...): add yours here. A unit test fails when a key lacks a
 * language or the languages disagree on its parameters.
 */
export const MESSAGES = {
  ...commonMessages,
  ...bridgesMessages,
  ...runsMessages,
  ...authMessages,
  ...usersMessages,
  ...engineMessages,
  ...auditMessages,
  ...scheduleMessages,
  ...monitorMessages,
  ...alertMessages,
  ...bridgeMessages,
  ...batchMessages,
  ...cliMessages,
  ...validationMessages,
  ...desktopMessages,
  ...catalogMessages,
  ...configMessages,
  ...connectionsMessages,
  ...connectorMessages,
  ...securityMessages,
} as const satisfies Record<string, MessageText>;

export type MessageKey = keyof typeof MESSAGES;

/** A message of the catalog with its parameters, as it travels (errors, run logs, alerts). */
export function msg(key: MessageKey, params?: MessageParams): MessageRef {
  return params === undefined ? { key } : { key, params };
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}

/** Renders a message in `lang`; an unknown key renders as itself, so nothing is ever lost. */
export function translate(lang: Lang, key: string, params?: MessageParams): string {
  const text = hasMessage(key) ? MESSAGES[key][lang] : key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    if (isMessageRef(value)) return translate(lang, value.key, value.params);
    if (isMessageText(value)) return value[lang];
    if (typeof value === 'number') return value.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN');
    return String(value);
  });
}

/** Renders a message (or plain text from before messages had keys) in `lang`. */
export function render(lang: Lang, message: MessageRef | string): string {
  return typeof message === 'string' ? message : translate(lang, message.key, message.params);
}

/** The parameter names a text uses, for the completeness test. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
