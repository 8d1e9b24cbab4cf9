// Files cross the bridge as bytes (base64), never as paths: neither Electron (no File.path) nor the
// browser harness has a path to give.

/** Base64 of an ArrayBuffer, in chunks so a large file does not overflow the argument limit. */
export function bytesToBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  const CHUNK = 0x8000;
  let bin = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(bin);
}

export async function fileToBase64(file: File): Promise<string> {
  return bytesToBase64(await file.arrayBuffer());
}

/** Offers text as a download through a temporary <a download>; no navigation, no main-process dialog. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: revoking synchronously can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
