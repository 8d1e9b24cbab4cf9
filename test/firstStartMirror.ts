// Helpers for test/firstStart.test.ts: a copy of this checkout without the Electron binary, a local
// HTTP server laid out like Electron's release mirror, and the stand-in release it serves.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, linkSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data?: Buffer | string;
  /** Unix mode, e.g. 0o100755 for an executable file or 0o40755 for a folder. */
  mode: number;
}

/** A store-only (uncompressed) zip with Unix modes, enough for Electron's extractor. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data ?? '');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra, comment, disk number, internal attributes: 0
    central.writeUInt32LE((entry.mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A stand-in Electron release for this platform: its executable is a shell script that appends its
 * working folder, ELECTRON_RENDERER_URL and each argument to $STANDIN_RECORD, then exits with
 * $STANDIN_STATUS (0 when unset).
 */
export function standInRelease(version: string, platform: NodeJS.Platform): Buffer {
  const script = [
    '#!/bin/sh',
    '# Stand-in for the Electron binary (test/firstStart.test.ts).',
    '{',
    '  echo "launch"',
    '  echo "cwd=$PWD"',
    '  echo "renderer=${ELECTRON_RENDERER_URL:-}"',
    '  for a in "$@"; do echo "arg=$a"; done',
    '} >> "${STANDIN_RECORD:-/dev/null}"',
    'exit "${STANDIN_STATUS:-0}"',
    '',
  ].join('\n');
  const exe = platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const folders = exe
    .split('/')
    .slice(0, -1)
    .map((_, i, parts) => ({ name: `${parts.slice(0, i + 1).join('/')}/`, mode: 0o40755 }));
  return zip([...folders, { name: exe, data: script, mode: 0o100755 }, { name: 'version', data: version, mode: 0o100644 }]);
}

export interface Mirror {
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Electron's mirror layout: v<version>/<zip> and v<version>/SHASUMS256.txt, on 127.0.0.1. */
export async function startMirror(version: string, zipName: string, zipData: Buffer): Promise<Mirror> {
  const sha = createHash('sha256').update(zipData).digest('hex');
  const files = new Map<string, Buffer>([
    [`/v${version}/${zipName}`, zipData],
    [`/v${version}/SHASUMS256.txt`, Buffer.from(`${sha} *${zipName}\n`)],
  ]);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const body = files.get(url.pathname);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface DeadProxy {
  url: string;
  /** The first line of each request the proxy got (e.g. "CONNECT github.com:443 HTTP/1.1"). */
  requests: string[];
  close(): Promise<void>;
}

/** A proxy that reaches nothing: it notes each request and answers 502, like a network without internet. */
export async function startDeadProxy(): Promise<DeadProxy> {
  const requests: string[] = [];
  const server = createNetServer((socket) => {
    socket.once('data', (d) => {
      requests.push(d.toString('latin1').split('\r\n')[0]);
      socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Hard-links a folder tree (copies where linking fails, e.g. across file systems); symlinks stay symlinks. */
export function linkTree(from: string, to: string, skip: (rel: string) => boolean, rel = ''): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    if (skip(childRel)) continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else if (entry.isDirectory()) linkTree(src, dst, skip, childRel);
    else {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
      }
    }
  }
}

/**
 * This checkout as a fresh clone after `npm install` would have it, minus the Electron binary: the
 * files git knows (tracked or new, as they are in the work tree), node_modules hard-linked (nothing in
 * it is written in place by a start), and node_modules/electron copied without dist/ and path.txt.
 */
export async function copyProject(root: string, dest: string): Promise<void> {
  const listed = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root);
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const rel of new Set(listed.stdout.split('\0').filter(Boolean))) {
    try {
      mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true });
      cpSync(path.join(root, rel), path.join(dest, rel), { verbatimSymlinks: true });
    } catch (err) {
      // A tracked file deleted in the work tree is not part of the copy.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  const nm = path.join(root, 'node_modules');
  // .vite/.cache: tool caches that are rewritten in place, which would write through a hard link.
  linkTree(nm, path.join(dest, 'node_modules'), (rel) => rel === 'electron' || rel === '.vite' || rel === '.cache');
  cpSync(path.join(nm, 'electron'), path.join(dest, 'node_modules', 'electron'), {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(path.join(nm, 'electron'), src);
      return rel !== 'dist' && rel !== 'path.txt';
    },
  });
}

export interface Ran {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, interleaved as they came. */
  output: string;
  timedOut: boolean;
}

/**
 * Runs a command in its own process group (so a timeout ends npm and everything it started), with a
 * bounded time. `until`, when given, is polled: once it returns true the group is ended.
 */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 60_000,
  until?: () => boolean,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    let stdout = '';
    let stderr = '';
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => ((stdout += d), (output += d)));
    child.stderr.on('data', (d: Buffer) => ((stderr += d), (output += d)));
    const endGroup = () => {
      try {
        if (child.pid) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      endGroup();
    }, timeoutMs);
    const poll = until
      ? setInterval(() => {
          if (until()) endGroup();
        }, 200)
      : undefined;
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolve({ status, signal, stdout, stderr, output, timedOut });
    });
  });
}
