import { ExNodeError, type MessageParams, type MessageRef, type TestResult, render } from '../../../shared/index.js';
import i18n from './index.js';
import type { Language } from './index.js';

function language(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** An engine message (key and parameters) in the console's language. */
export function engineText(message: MessageRef | string): string {
  return render(language(), message);
}

/** What to show for a failed call: the engine's message in the console's language. */
export function errorText(error: unknown): string {
  if (error instanceof ExNodeError) return error.localized(language());
  return error instanceof Error ? error.message : String(error);
}

/** Why a connection test failed, in the console's language (the engine's English text when it has no key). */
export function testMessage(result: TestResult): string {
  if (result.key) return engineText({ key: result.key, ...(result.params ? { params: result.params as MessageParams } : {}) });
  return result.message ?? '';
}

/** Why a connection's last test failed, in the console's language. */
export function connectionErrorText(view: { lastError: string | null; lastErrorMessage?: MessageRef | null }): string {
  return view.lastErrorMessage ? engineText(view.lastErrorMessage) : view.lastError ?? '';
}

/** Why a trigger was skipped, in the console's language (older records hold the text they were written with). */
export function skippedReasonText(run: { skippedReason?: string | null | undefined; skippedReasonRef?: MessageRef | undefined }): string {
  return run.skippedReasonRef ? engineText(run.skippedReasonRef) : run.skippedReason ?? '';
}
