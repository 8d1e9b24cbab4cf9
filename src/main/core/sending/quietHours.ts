// Quiet hours: a daily window (e.g. 21:00–08:00, may wrap midnight) in which no batch is sent; the
// queue holds and resumes at the window's end. Times are the computer's local time.
export interface QuietHours {
  enabled: boolean;
  start: string; // "HH:MM"
  end: string; // "HH:MM"
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** When `now` falls inside the window, the epoch ms at which it ends; else null. */
export function quietUntil(now: number, q: QuietHours): number | null {
  if (!q.enabled) return null;
  const start = minutes(q.start);
  const end = minutes(q.end);
  if (start === end) return null;
  const d = new Date(now);
  const cur = d.getHours() * 60 + d.getMinutes();
  const inside = start < end ? cur >= start && cur < end : cur >= start || cur < end;
  if (!inside) return null;
  const until = new Date(now);
  until.setHours(Math.floor(end / 60), end % 60, 0, 0);
  if (until.getTime() <= now) until.setDate(until.getDate() + 1);
  return until.getTime();
}
