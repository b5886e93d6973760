import { type ComponentType, lazy } from 'react';

/** A page loaded on first visit, from a module that exports it by name. */
export function page<P extends object, N extends string>(load: () => Promise<Record<N, ComponentType<P>>>, name: N) {
  return lazy(async () => ({ default: (await load())[name] }));
}
