/**
 * How the engine process sizes its memory. Left alone, V8 sizes the heap for the machine (a quarter
 * of its memory) and lets the garbage of row batches pile up to ~170 MB before collecting it; with a
 * ceiling on the old generation it collects early, and the process stays near 200 MB. The live working
 * set is some tens of MB (pages are sized by bytes, see PAGE_BYTES), far below the ceiling. (A larger
 * young generation, 32 MB semi-spaces, was up to 10% faster and cost 30 to 60 MB: not taken.)
 * glibc gives every thread that allocates its own malloc arena, which keeps its high-water mark: the
 * SQLite write thread's arena alone held ~50 MB. One arena avoids that, measured no slower
 * (MALLOC_ARENA_MAX is read by glibc only; elsewhere it is ignored).
 * Every launcher of the engine applies these: the desktop shell's utility process, the `exnode`
 * command (its shebang), `npm run serve` (which starts the command as its shebang says) and the bench.
 */
export const ENGINE_HEAP_MB = 256;
export const ENGINE_EXEC_ARGV: readonly string[] = [`--max-old-space-size=${ENGINE_HEAP_MB}`];
export const ENGINE_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };
