// SQLite in WAL mode needs every connection on one host (shared memory, POSIX locks that network
// file systems do not keep faithfully): a data folder on NFS/SMB/sshfs could let two computers send
// the same queue. Such a folder is refused before the database is opened.
//   Linux: the folder's mount is looked up in /proc/mounts.
//   macOS: in the output of `mount` (smbfs, nfs, afpfs, webdav, …).
//   Windows: a UNC path (\\server\share) is refused; a network drive mapped to a letter is not
//   detected (that needs a Win32 call Node does not expose).
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';

const NETWORK_TYPES = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb',
  'smb2',
  'smb3',
  'smbfs',
  'ncpfs',
  'afs',
  'afpfs',
  'webdav',
  'davfs',
  'coda',
  'ceph',
  'glusterfs',
  'lustre',
  'gpfs',
  'ocfs2',
  'gfs2',
  'sshfs',
  'fuse.sshfs',
  'fuse.glusterfs',
  'fuse.rclone',
  'fuse.s3fs',
  'fuse.davfs2',
  'fuse.gcsfuse',
  'fuse.cephfs',
]);

export interface Mount {
  dir: string;
  type: string;
}

/** /proc/mounts lines: "device dir type options 0 0", spaces in dir written as \040. */
export function parseProcMounts(text: string): Mount[] {
  const out: Mount[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(' ');
    if (f.length < 3) continue;
    out.push({ dir: f[1].replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))), type: f[2] });
  }
  return out;
}

/** macOS `mount` lines: "//user@host/share on /Volumes/share (smbfs, nodev, nosuid)". */
export function parseMacMounts(text: string): Mount[] {
  const out: Mount[] = [];
  for (const line of text.split('\n')) {
    const m = / on (.+) \(([^,)]+)/.exec(line);
    if (m) out.push({ dir: m[1], type: m[2].trim() });
  }
  return out;
}

/** The type of the file system holding `path` (the longest mount point above it), or null. */
export function fileSystemOf(path: string, mounts: readonly Mount[]): string | null {
  let best: Mount | null = null;
  for (const m of mounts) {
    const dir = m.dir.endsWith('/') ? m.dir : `${m.dir}/`;
    if ((path === m.dir || `${path}/`.startsWith(dir)) && (!best || m.dir.length > best.dir.length)) best = m;
  }
  return best?.type ?? null;
}

export function isNetworkType(type: string): boolean {
  const t = type.toLowerCase();
  return NETWORK_TYPES.has(t) || t.startsWith('nfs') || t.startsWith('smb');
}

function systemMounts(platform: NodeJS.Platform): Mount[] | null {
  try {
    if (platform === 'linux') return parseProcMounts(readFileSync('/proc/mounts', 'utf8'));
    if (platform === 'darwin') return parseMacMounts(execFileSync('/sbin/mount', { encoding: 'utf8', timeout: 5000 }));
  } catch {
    // Unreadable: no verdict rather than refusing a folder that may be fine.
  }
  return null;
}

/**
 * Why `dataDir` cannot hold the outbox (a network file system), or null. `mounts` replaces the
 * system's table (tests).
 */
export function networkFolderProblem(dataDir: string, o: { platform?: NodeJS.Platform; mounts?: Mount[] } = {}): string | null {
  const platform = o.platform ?? process.platform;
  const advice =
    "SQLite's write-ahead log needs the data folder on this computer's own disk (two computers sharing it could send the same messages twice). Choose a local folder (--data-dir or SMS_OUTBOX_DATA_DIR for the command line).";
  if (platform === 'win32' && /^(\\\\|\/\/)(?![?.][\\/])/.test(dataDir)) {
    return `The data folder ${dataDir} is on a network share. ${advice}`;
  }
  const mounts = o.mounts ?? systemMounts(platform);
  if (!mounts) return null;
  let path: string;
  try {
    path = realpathSync(dataDir);
  } catch {
    path = resolve(dataDir);
  }
  const type = fileSystemOf(path, mounts);
  return type && isNetworkType(type) ? `The data folder ${path} is on a network file system (${type}). ${advice}` : null;
}
