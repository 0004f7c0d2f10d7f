/** Save text as a file through a temporary link (no server involved). */
export function download(name: string, data: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  saveUrl(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Save what a URL (an object URL, a data URL) holds under a file name. */
export function saveUrl(name: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Copy text to the clipboard; false where the browser refuses (no permission, insecure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
