import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { fileSystemOf, isNetworkType, networkFolderProblem, parseMacMounts, parseProcMounts } from './networkFs';

const PROC = `sysfs /sys sysfs rw,nosuid 0 0
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/home /home nfs4 rw,vers=4.2 0 0
//nas/share /mnt/my\\040share cifs rw 0 0
me@box:/data /mnt/box fuse.sshfs rw 0 0
/dev/sdb1 /home/anna/local ext4 rw 0 0`;

const MAC = `/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//anna@nas.local/Shared on /Volumes/Shared (smbfs, nodev, nosuid, mounted by anna)
nas:/export on /Volumes/export (nfs, nodev, nosuid)`;

describe('network file systems', () => {
  it('finds the mount a folder lives on (the longest mount point above it) and its type', () => {
    const m = parseProcMounts(PROC);
    expect(fileSystemOf('/var/lib/x', m)).toBe('ext4');
    expect(fileSystemOf('/home/anna/.config/sms-outbox', m)).toBe('nfs4');
    expect(fileSystemOf('/home/anna/local/outbox', m)).toBe('ext4');
    expect(fileSystemOf('/homeless', m)).toBe('ext4');
    expect(fileSystemOf('/mnt/my share/outbox', m)).toBe('cifs');
    expect(fileSystemOf('/mnt/box', m)).toBe('fuse.sshfs');
    const mac = parseMacMounts(MAC);
    expect(fileSystemOf('/Volumes/Shared/outbox', mac)).toBe('smbfs');
    expect(fileSystemOf('/Users/anna/Library', mac)).toBe('apfs');
  });

  it('names NFS, SMB/CIFS, sshfs and friends as network file systems, local ones not', () => {
    for (const t of ['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'fuse.sshfs', 'afpfs', 'webdav', 'ceph'])
      expect(isNetworkType(t), t).toBe(true);
    for (const t of ['ext4', 'xfs', 'btrfs', 'apfs', 'tmpfs', 'overlay', 'zfs', 'ntfs3', 'vfat']) expect(isNetworkType(t), t).toBe(false);
  });

  it('says what is wrong and what to do; a Windows UNC path is refused as a share', () => {
    const m = parseProcMounts(PROC);
    expect(networkFolderProblem('/home/anna/outbox', { platform: 'linux', mounts: m })).toMatch(
      /^The data folder \/home\/anna\/outbox is on a network file system \(nfs4\)\. SQLite's write-ahead log needs/,
    );
    expect(networkFolderProblem('/home/anna/local/outbox', { platform: 'linux', mounts: m })).toBeNull();
    expect(networkFolderProblem('\\\\nas\\share\\outbox', { platform: 'win32' })).toMatch(/is on a network share/);
    expect(networkFolderProblem('C:\\Users\\anna\\outbox', { platform: 'win32' })).toBeNull();
  });

  it('this machine: the temp folder is not on a network file system', () => {
    expect(networkFolderProblem(tmpdir())).toBeNull();
  });
});
