import fs from 'node:fs';

/** The last `maxBytes` of a file, cut at a line start; empty when the file does not exist. */
export function tailBytes(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return Buffer.alloc(0);
  }
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    if (length === size) return buffer;
    const firstLine = buffer.indexOf(0x0a);
    return firstLine < 0 ? buffer : buffer.subarray(firstLine + 1);
  } finally {
    fs.closeSync(fd);
  }
}

/** The last `count` lines of a text file (the engine's last words, for the shell's crash window). */
export function tailLines(file: string, count: number, maxBytes = 256 * 1024): string[] {
  const lines = tailBytes(file, maxBytes).toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(-count);
}
