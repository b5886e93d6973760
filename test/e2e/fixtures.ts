import { test as base, expect } from '@playwright/test';

/**
 * Every browser test imports `test` and `expect` from here: `page` is a console page and `request`
 * an API client, both signed in as the system administrator once the node requires accounts.
 */
export const test = base;
export { expect };
