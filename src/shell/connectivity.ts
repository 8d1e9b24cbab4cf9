// Electron's main process has no "online" event: poll net.isOnline() and report when the network
// comes back, so the core stops waiting for connectivity at once instead of at its next backoff.
export function watchOnline(isOnline: () => boolean, onOnline: () => void, intervalMs = 5000): () => void {
  let last = isOnline();
  const timer = setInterval(() => {
    const now = isOnline();
    if (now && !last) onOnline();
    last = now;
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
