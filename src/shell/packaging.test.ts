// What CI can check of packaging without the Electron binary: electron-builder.yml against
// electron-builder's own JSON schema, the fuses, that the packaged app loads the Node-API
// better-sqlite3 prebuild (unpacked from the asar, never a build/ folder of another ABI), and the
// icon set rendered from resources/icon.svg.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(path.join(ROOT, 'package.json'));
const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

function validator() {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
  // The options electron-builder itself validates with (app-builder-lib's schemaValidator).
  return new Ajv({ allErrors: true, coerceTypes: true, strict: false }).compile(schema);
}

describe('electron-builder.yml', () => {
  it("is valid under electron-builder's own JSON schema", () => {
    const validate = validator();
    const ok = validate(structuredClone(config));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The check can fail: a misspelt option is refused.
    expect(validate({ ...structuredClone(config), electronFuse: { runAsNode: false } })).toBe(false);
    expect(validate({ ...structuredClone(config), electronFuses: { runAsNod: false } })).toBe(false);
  });

  it('sets the fuses: no run-as-node, NODE_OPTIONS or --inspect; cookie encryption, asar integrity, asar only; no file:// privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds NSIS, dmg, AppImage and deb, each with its icon from the generated set', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.icon).toBe('resources/generated/icon.ico');
    expect(config.mac.icon).toBe('resources/generated/icon.icns');
    expect(config.linux.icon).toBe('resources/generated/png');
    // Never rebuilt against Electron's headers: the Node-API binaries npm installed are the ones shipped.
    expect(config.npmRebuild).toBe(false);
  });
});

/** Would electron-builder pack this file (relative to the app folder) for `platform`? */
function packed(rel: string, platform: 'linux' | 'mac' | 'win'): boolean {
  const patterns: string[] = [...config.files, ...(config[platform]?.files ?? [])];
  let included = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (minimatch(rel, p.slice(1), { dot: true })) included = false;
    } else if (minimatch(rel, p, { dot: true }) || rel.startsWith('node_modules/')) {
      // Production dependencies are packed unless a pattern removes them.
      included = true;
    }
  }
  return included;
}

const unpacked = (rel: string) => (config.asarUnpack as string[]).some((p) => minimatch(rel, p, { dot: true }));

/** Node-API modules register through napi_register_module_v1; ABI-bound ones through node_register_module_v<N>. */
function isNodeApi(file: string): boolean {
  const bin = readFileSync(file).toString('latin1');
  return bin.includes('napi_register_module_v1') && !/node_register_module_v\d/.test(bin);
}

describe('the packaged database module', () => {
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const binding = require(path.join(sqliteDir, 'lib', 'binding.js')) as { getPrebuildPath(): string | null };

  it('is the Node-API prebuild, shipped outside the asar, for every target platform', () => {
    const targets = {
      linux: ['linux-x64', 'linux-arm64', 'linuxmusl-x64', 'linuxmusl-arm64'],
      mac: ['darwin-x64', 'darwin-arm64'],
      win: ['win32-x64', 'win32-arm64'],
    } as const;
    for (const [platform, names] of Object.entries(targets) as [keyof typeof targets, readonly string[]][]) {
      for (const name of names) {
        const rel = `node_modules/better-sqlite3/prebuilds/${name}.node`;
        expect(isNodeApi(path.join(sqliteDir, 'prebuilds', `${name}.node`)), name).toBe(true);
        expect(packed(rel, platform), `${rel} in the ${platform} package`).toBe(true);
        expect(unpacked(rel), `${rel} unpacked`).toBe(true);
      }
      // Other platforms' binaries stay out of each package.
      const foreign = Object.entries(targets)
        .filter(([p]) => p !== platform)
        .flatMap(([, n]) => n);
      for (const name of foreign)
        expect(packed(`node_modules/better-sqlite3/prebuilds/${name}.node`, platform), `${name} in ${platform}`).toBe(false);
    }
  });

  it('is what better-sqlite3 loads here, and no build/ folder (another ABI) can take its place in the package', () => {
    const loaded = binding.getPrebuildPath();
    expect(loaded, 'a prebuild for this machine').not.toBeNull();
    expect(isNodeApi(loaded!)).toBe(true);
    // better-sqlite3 prefers build/Release over the prebuild when one exists: never pack it.
    for (const platform of ['linux', 'mac', 'win'] as const) {
      expect(packed('node_modules/better-sqlite3/build/Release/better_sqlite3.node', platform)).toBe(false);
    }
    // keytar is Node-API too, and unpacked.
    const keytar = path.join(path.dirname(require.resolve('keytar/package.json')), 'build', 'Release', 'keytar.node');
    expect(isNodeApi(keytar)).toBe(true);
    expect(unpacked('node_modules/keytar/build/Release/keytar.node')).toBe(true);
  });

  it('the app passes no nativeBinding: nothing points better-sqlite3 at another binary', () => {
    const out = path.join(ROOT, 'out', 'main');
    const built = [
      ...readdirSync(out).filter((f) => f.endsWith('.js')),
      ...readdirSync(path.join(out, 'chunks')).map((f) => `chunks/${f}`),
    ];
    expect(built).toContain('coreHost.js');
    for (const f of built) expect(readFileSync(path.join(out, f), 'utf8'), f).not.toMatch(/nativeBinding\s*:/);
  });
});

describe("the outbox core's process", () => {
  it('is packed for every platform beside main (out/main/coreHost.js and its chunks, inside the asar)', () => {
    const out = path.join(ROOT, 'out', 'main');
    const files = ['coreHost.js', ...readdirSync(path.join(out, 'chunks')).map((f) => `chunks/${f}`)];
    for (const platform of ['linux', 'mac', 'win'] as const) {
      for (const f of files) expect(packed(`out/main/${f}`, platform), `${f} in the ${platform} package`).toBe(true);
    }
    // JavaScript loads from the asar (utilityProcess reads it as main does); only .node files are unpacked.
    expect(unpacked('out/main/coreHost.js')).toBe(false);
  });
});

describe('the icon set', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'sms-outbox-icons-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('renders from resources/icon.svg to the PNG sizes, .icns and .ico', async () => {
    const { generateIcons, PNG_SIZES } = await import('../../scripts/icons.mjs' as string);
    const files: string[] = generateIcons({ outDir: out });
    const rel = files.map((f) => path.relative(out, f).split(path.sep).join('/')).sort();
    expect(rel).toEqual([...PNG_SIZES.map((n: number) => `png/${n}x${n}.png`), 'icon.icns', 'icon.ico', 'icon.png'].sort());
    for (const size of PNG_SIZES) {
      const png = readFileSync(path.join(out, 'png', `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    const icns = readFileSync(path.join(out, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const ico = readFileSync(path.join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    // Windows wants 16, 32, 48 and 256 px entries (256 is stored as 0).
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });
});
