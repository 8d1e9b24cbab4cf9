#!/usr/bin/env node
// Renders resources/icon.svg into the icon set electron-builder packs (resources/generated/, not
// committed: the SVG is the source, and CI regenerates and checks the set in every run).
//   icon.png (1024 px), png/<N>x<N>.png (Linux sizes), icon.icns (macOS), icon.ico (Windows)
// PNG rendering: @resvg/resvg-js; .icns/.ico encoding: png2icons.
// Usage: node scripts/icons.mjs [--out <dir>] [--svg <file>]
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

/** Writes the icon set into `outDir` (replaced whole); returns the files written. */
export function generateIcons({
  svgFile = path.join(ROOT, 'resources', 'icon.svg'),
  outDir = path.join(ROOT, 'resources', 'generated'),
} = {}) {
  const svg = readFileSync(svgFile);
  // Build beside the target, then swap, so an interrupted run never leaves half a set behind.
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(path.join(tmp, 'png'), { recursive: true });
  const written = [];
  const put = (rel, data) => {
    writeFileSync(path.join(tmp, rel), data);
    written.push(rel);
  };
  for (const size of PNG_SIZES) put(path.join('png', `${size}x${size}.png`), render(svg, size));
  const master = render(svg, 1024);
  put('icon.png', master);
  // BILINEAR is png2icons' good-quality downscaler; the .ico keeps PNG-compressed entries for 256.
  const icns = png2icons.createICNS(master, png2icons.BILINEAR, 0);
  const ico = png2icons.createICO(master, png2icons.BILINEAR, 0, false, true);
  if (!icns || !ico) throw new Error('png2icons could not encode the icon (is resources/icon.svg square?)');
  put('icon.icns', icns);
  put('icon.ico', ico);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  return written.map((rel) => path.join(outDir, rel));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? path.resolve(args[i + 1]) : undefined;
  };
  const files = generateIcons({ svgFile: opt('--svg'), outDir: opt('--out') });
  console.log(`icons: wrote ${files.length} files to ${path.relative(process.cwd(), path.dirname(files.at(-1))) || '.'}`);
}
