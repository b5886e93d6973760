/** Saves `data` (text, or base64 when `base64`) as a file the browser downloads. */
export function downloadFile(filename: string, data: string, mime: string, base64 = false): void {
  const bytes = base64 ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : new TextEncoder().encode(data);
  downloadBlob(new Blob([bytes], { type: mime }), filename);
}

/** Saves a blob as a file the browser downloads. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A picked file's contents: text, or base64 for binary files. */
export async function readPicked(file: File, base64: boolean): Promise<string> {
  if (!base64) return (await file.text()).replace(/^\uFEFF/, '');
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
