/**
 * The heap ceiling of the engine process. Left alone, V8 sizes its heap for the machine (a quarter
 * of its memory) and lets the garbage of row batches pile up to ~170 MB of heap before collecting it;
 * with a ceiling it collects early and the process stays under 200 MB. The live working set is some
 * tens of MB (pages are sized by bytes, see PAGE_BYTES), far below the ceiling.
 * Every launcher of the engine passes these flags: the desktop shell's utility process, the
 * `exnode` command (its shebang), `npm run serve` and the bench.
 */
export const ENGINE_HEAP_MB = 256;
export const ENGINE_EXEC_ARGV: readonly string[] = [`--max-old-space-size=${ENGINE_HEAP_MB}`];
