// A real full disk for tests (Linux, root): a small tmpfs, filled by a file up to the last byte, so
// SQLite hits ENOSPC where it really does (the -wal file growing, most often) and reports
// SQLITE_FULL. Deleting the file is space coming back. Elsewhere `smallDisk()` returns the reason
// it cannot, for the test to print when it skips.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  /** An empty folder on the small disk. */
  dir: string;
  /** Writes a file that takes every byte left. */
  fill(): void;
  /** Deletes that file. */
  free(): void;
  /** Remounts the disk read-only, or writable again. */
  readOnly(on: boolean): void;
  unmount(): void;
}

export function smallDisk(sizeMb = 16): SmallDisk | string {
  if (process.platform !== 'linux') return 'a small tmpfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root (CI runs as root)';
  const mount = mkdtempSync(join(tmpdir(), 'sms-outbox-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', mount], { stdio: 'pipe' });
  } catch (e) {
    rmSync(mount, { recursive: true, force: true });
    return `mount -t tmpfs failed (${String((e as Error).message).split('\n')[0]})`;
  }
  const dir = join(mount, 'data');
  mkdirSync(dir);
  const filler = join(mount, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        for (const size of [1 << 20, 4096, 1]) {
          const buf = Buffer.alloc(size);
          for (;;) {
            try {
              writeSync(fd, buf);
            } catch (e) {
              if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    readOnly(on) {
      execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, mount], { stdio: 'pipe' });
    },
    unmount() {
      try {
        execFileSync('umount', ['-l', mount], { stdio: 'pipe' });
      } finally {
        rmSync(mount, { recursive: true, force: true });
      }
    },
  };
}
