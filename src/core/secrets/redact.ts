// Keeps the API token out of everything stored or shown. A server or proxy can echo the request's
// Authorization header into any field (message, code, body, a status report), and truncation can
// cut it in half, so not just the whole token goes: any piece of 8 or more of its characters does.
// Applied where outcomes enter the core (the gateway client) and where they leave it (the bridge,
// logs, the CLI).

/** Shorter pieces would match ordinary words; 8 random token characters never occur by chance. */
export const MIN_PIECE = 8;
export const REDACTED = '[redacted]';

/** A 3-character ASCII window as a 21-bit number (7 bits per character). */
const tri = (a: number, b: number, c: number) => (a << 14) | (b << 7) | c;
/** Characters probed between two turns of the event loop (a multiple of 3). */
const ASYNC_SLICE = 3 << 18;

export class Redactor {
  private readonly secrets: string[] = [];
  /** Every 8-character piece of every secret. */
  private readonly pieces = new Set<string>();
  /** Bitmap of every 3-character window of the ASCII secrets: a fast first look at long text. */
  private readonly tris = new Uint8Array(1 << 18);
  private nonAscii = false;

  /** Adds a secret (the current token); earlier ones stay redacted too. */
  remember(secret: string | null | undefined): void {
    if (!secret || secret.length < MIN_PIECE || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    for (let i = 0; i + MIN_PIECE <= secret.length; i++) this.pieces.add(secret.slice(i, i + MIN_PIECE));
    for (let i = 0; i + 3 <= secret.length; i++) {
      const a = secret.charCodeAt(i);
      const b = secret.charCodeAt(i + 1);
      const c = secret.charCodeAt(i + 2);
      if (a > 127 || b > 127 || c > 127) {
        this.nonAscii = true;
        continue;
      }
      const t = tri(a, b, c);
      this.tris[t >> 3] |= 1 << (t & 7);
    }
  }

  get active(): boolean {
    return this.secrets.length > 0;
  }

  /** The text with every run made of 8+-character secret pieces replaced by "[redacted]". */
  text(s: string): string {
    if (this.secrets.length === 0 || s.length < MIN_PIECE) return s;
    return this.rewrite(s, this.probe(s, 0, s.length, null));
  }

  /** The same for long text, in slices with a turn of the event loop between them. */
  async textAsync(s: string): Promise<string> {
    if (this.secrets.length === 0 || s.length < MIN_PIECE) return s;
    let covered: Uint8Array | null = null;
    for (let from = 0; from < s.length; from += ASYNC_SLICE) {
      if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      covered = this.probe(s, from, Math.min(s.length, from + ASYNC_SLICE), covered);
    }
    return this.rewrite(s, covered);
  }

  /** Marks the secret pieces found by probes starting in [from, to); `from` is a multiple of 3. */
  private probe(s: string, from: number, to: number, covered: Uint8Array | null): Uint8Array | null {
    const check = (i: number) => {
      if (i < 0 || i + MIN_PIECE > s.length || !this.pieces.has(s.slice(i, i + MIN_PIECE))) return;
      covered ??= new Uint8Array(s.length);
      covered.fill(1, i, i + MIN_PIECE);
    };
    if (this.nonAscii) {
      for (let i = from; i < to; i++) check(i);
      return covered;
    }
    // A match of 8 holds a whole 3-window starting at a multiple of 3 within its first 3 places:
    // probe only those (a bit test each), and check the 8-windows around a probe that hits.
    const tris = this.tris;
    for (let k = from; k < to && k + 3 <= s.length; k += 3) {
      const a = s.charCodeAt(k);
      const b = s.charCodeAt(k + 1);
      const c = s.charCodeAt(k + 2);
      if ((a | b | c) > 127) continue;
      const t = tri(a, b, c);
      if ((tris[t >> 3] & (1 << (t & 7))) === 0) continue;
      check(k - 2);
      check(k - 1);
      check(k);
    }
    return covered;
  }

  private rewrite(s: string, mask: Uint8Array | null): string {
    if (mask === null) return s;
    let out = '';
    let i = 0;
    while (i < s.length) {
      if (mask[i]) {
        out += REDACTED;
        while (i < s.length && mask[i]) i++;
      } else {
        const start = i;
        while (i < s.length && !mask[i]) i++;
        out += s.slice(start, i);
      }
    }
    return out;
  }

  /** deep(), with long strings (an export) cleaned in slices between turns of the event loop. */
  async deepAsync<T>(value: T): Promise<T> {
    if (this.secrets.length === 0) return value;
    const long: string[] = [];
    const collect = (v: unknown, depth: number): void => {
      if (typeof v === 'string') {
        if (v.length > ASYNC_SLICE) long.push(v);
      } else if (v !== null && typeof v === 'object' && depth < 20) for (const x of Object.values(v)) collect(x, depth + 1);
    };
    collect(value, 0);
    const cleaned = new Map<string, string>();
    for (const s of long) cleaned.set(s, await this.textAsync(s));
    return this.walk(value, 0, cleaned) as T;
  }

  /**
   * Every string inside: plain objects and arrays are copied when something changed, an Error is
   * rebuilt with its own class and fields (a GatewayError stays a GatewayError).
   */
  deep<T>(value: T): T {
    if (this.secrets.length === 0) return value;
    return this.walk(value, 0) as T;
  }

  private walk(v: unknown, depth: number, cleaned?: Map<string, string>): unknown {
    if (typeof v === 'string') return cleaned?.get(v) ?? this.text(v);
    if (v === null || typeof v !== 'object' || depth > 20) return v;
    if (Array.isArray(v)) {
      let copy: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const r = this.walk(v[i], depth + 1, cleaned);
        if (r !== v[i]) (copy ??= v.slice())[i] = r;
      }
      return copy ?? v;
    }
    if (v instanceof Error) return this.error(v, depth, cleaned);
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    let copy: Record<string, unknown> | null = null;
    for (const [k, x] of Object.entries(v)) {
      const r = this.walk(x, depth + 1, cleaned);
      if (r !== x) (copy ??= { ...(v as Record<string, unknown>) })[k] = r;
    }
    return copy ?? v;
  }

  private error(e: Error, depth: number, cleaned?: Map<string, string>): Error {
    const descriptors = Object.getOwnPropertyDescriptors(e);
    let changed = false;
    for (const d of Object.values(descriptors)) {
      if (!('value' in d)) continue;
      const r = this.walk(d.value, depth + 1, cleaned);
      if (r !== d.value) {
        d.value = r;
        changed = true;
      }
    }
    return changed ? (Object.create(Object.getPrototypeOf(e), descriptors) as Error) : e;
  }
}

/**
 * The client with every answer and every error passed through the redactor: whatever GatewayAPI
 * (or a proxy) echoes back reaches the sender, the pollers, SQLite and notices without the token.
 */
export function redactingClient<C extends object>(client: C, redactor: Redactor): C {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        let r: unknown;
        try {
          r = v.apply(target, args);
        } catch (e) {
          throw redactor.deep(e);
        }
        if (r instanceof Promise) {
          return r.then(
            (x) => redactor.deep(x),
            (e: unknown) => {
              throw redactor.deep(e);
            },
          );
        }
        return redactor.deep(r);
      };
    },
  });
}

interface LoggerLike {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** A logger whose lines and data never hold the token. */
export function redactingLogger<L extends LoggerLike>(logger: L, redactor: Redactor): LoggerLike {
  return {
    info: (msg, data) => logger.info(redactor.text(msg), data && redactor.deep(data)),
    warn: (msg, data) => logger.warn(redactor.text(msg), data && redactor.deep(data)),
    error: (msg, data) => logger.error(redactor.text(msg), data && redactor.deep(data)),
  };
}

/** The secret store, with every token read from or written to it remembered by the redactor. */
export function rememberingSecrets<S extends { get(): Promise<string | null>; set(token: string): Promise<void> }>(
  store: S,
  redactor: Redactor,
): S {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'get') {
        return async () => {
          const token = await target.get();
          redactor.remember(token);
          return token;
        };
      }
      if (prop === 'set') {
        return (token: string) => {
          redactor.remember(token);
          return target.set(token);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
