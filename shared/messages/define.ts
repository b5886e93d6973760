/** Languages every message of the node is written in; zh-CN is the default everywhere. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** One message in every language; `{name}` marks a parameter. */
export interface MessageText {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A catalog of one area's messages, keyed `area.what` (e.g. `connections.notFound`). */
export function defineMessages<T extends Record<string, MessageText>>(messages: T): T {
  return messages;
}

/** A parameter: a value, a nested message, or a text already written in every language (zod issues). */
export type ParamValue = string | number | boolean | null | MessageRef | MessageText;
export type MessageParams = Readonly<Record<string, ParamValue>>;

/**
 * A message as it travels: a key and its parameters, rendered by each shell in its own language.
 * A parameter may itself be a message (a run's error inside "the run failed at phase X: ...").
 */
export interface MessageRef {
  readonly key: string;
  readonly params?: MessageParams;
}

export function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

export function isMessageText(value: unknown): value is MessageText {
  return typeof value === 'object' && value !== null && typeof (value as { en?: unknown }).en === 'string'
    && typeof (value as Record<string, unknown>)['zh-CN'] === 'string';
}
