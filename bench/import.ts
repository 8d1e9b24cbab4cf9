// Benchmark: CSV import of 100,000 messy rows (Windows-1252, ';', Danish letters, mixed number
// formats, 2% invalid, 1% duplicates, merge fields), against a baseline measured in the same run.
//
//   node --import tsx bench/import.ts [rows] [runs]
//
// full     = analyseImport (sha256, decode, sniff, chunked parse, map, normalise, dedupe, suppress,
//            merge + part count per row, yielding every 2000 rows) + INSERT of the accepted rows
// baseline = Papa.parse of the already-decoded text + INSERT of every parsed row as it is
// Both INSERT into a fresh in-memory better-sqlite3 table in one transaction (stand-in for storage).

import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { analyseImport, type AcceptedRow } from '../src/core/importing';
import { decodeCsvBytes, sniffDelimiter } from '../src/core/importing/sniff';
import { parseCsvAsync } from '../src/core/importing/parse';
import { normaliseMsisdn } from '../src/core/importing/phone';

const ROWS = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 7);
const MESSAGE = 'Hej %navn%, din tid i %by% er bekræftet. Svar STOP for at afmelde. Mvh Klinikken på Østerbro';

// ---- data -------------------------------------------------------------------------------------

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeFile(rows: number): { bytes: Uint8Array; suppressed: Set<string> } {
  const rand = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const first = ['Søren', 'Åse', 'Bjørn', 'Mette', 'Jørgen', 'Anne', 'Lærke', 'Mads', 'Jürgen', 'Åsa', 'Özil', 'Frederik'];
  const last = ['Æbelø', 'Østergård', 'Hansen', 'Müller', 'Jensen', 'Bækgaard', 'Nielsen', 'Sørensen', 'Öberg'];
  const cities = ['København Ø', 'Århus C', 'Næstved', 'Køge', 'Ærøskøbing', 'Odense', 'Malmö', 'Flensburg'];
  const used: string[] = [];
  const lines = ['Navn;Mobil;By;Beløb;Note'];
  const suppressed = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const r = rand();
    let phone: string;
    if (r < 0.02) {
      phone = pick(['1234', '20 12 34', 'ring mig', '4,5201E+09', '+45 123', '99999999999999999']);
    } else if (r < 0.03 && used.length > 0) {
      phone = pick(used); // a duplicate, maybe in another format
    } else {
      let national = String(20_000_000 + Math.floor(rand() * 9_999_999));
      // Some 2x ranges are unallocated: keep the invalid share at the 2% chosen above.
      while (!normaliseMsisdn(national, 'DK', { fastPath: false }).ok) national = String(20_000_000 + Math.floor(rand() * 9_999_999));
      const pairs = national.replace(/(\d\d)(?=\d)/g, '$1 ');
      const f = rand();
      phone =
        f < 0.3
          ? pairs
          : f < 0.5
            ? '+45 ' + national
            : f < 0.6
              ? '0045 ' + pairs
              : f < 0.65
                ? '(0) ' + pairs.replace(/ /g, '-')
                : f < 0.8
                  ? '45' + national
                  : f < 0.95
                    ? national
                    : f < 0.975
                      ? '+46 70 ' + national.slice(1, 4) + ' ' + national.slice(4)
                      : '+49 151 ' + national;
      used.push(phone);
      if (rand() < 0.005) {
        const n = normaliseMsisdn(phone, 'DK');
        if (n.ok) suppressed.add(n.msisdn); // 0.5% opted out
      }
    }
    const name = `${pick(first)} ${pick(last)}`;
    const amount = `${Math.floor(rand() * 1000)},${String(Math.floor(rand() * 100)).padStart(2, '0')} €`;
    const note = rand() < 0.02 ? '"Ring efter kl. 16; ikke før ""frokost"""' : '';
    lines.push([name, phone, pick(cities), amount, note].join(';'));
  }
  return { bytes: encodeCp1252(lines.join('\r\n') + '\r\n'), suppressed };
}

function encodeCp1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c === 0x20ac ? 0x80 : c < 256 ? c : 0x3f;
  }
  return out;
}

// ---- the two pipelines ------------------------------------------------------------------------

function freshDb() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE r (row_no INTEGER, msisdn TEXT, vals TEXT, encoding TEXT, parts INTEGER)');
  return db;
}

async function full(bytes: Uint8Array, suppressed: Set<string>): Promise<{ ms: number; accepted: number; rejected: number }> {
  const t0 = performance.now();
  const a = await analyseImport({ bytes, defaultCountry: 'DK', message: MESSAGE, isSuppressed: (m) => suppressed.has(m) });
  const db = freshDb();
  const ins = db.prepare('INSERT INTO r VALUES (?, ?, ?, ?, ?)');
  db.transaction((rows: AcceptedRow[]) => {
    for (const x of rows) ins.run(x.rowNo, x.msisdn, JSON.stringify(x.values), x.encoding, x.parts);
  })(a.accepted);
  const ms = performance.now() - t0;
  db.close();
  return { ms, accepted: a.accepted.length, rejected: a.rejected.length };
}

function baseline(text: string): { ms: number; rows: number } {
  const t0 = performance.now();
  const data = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: 'greedy' }).data;
  const db = freshDb();
  const ins = db.prepare('INSERT INTO r VALUES (?, ?, ?, ?, ?)');
  db.transaction((rows: string[][]) => {
    for (let i = 1; i < rows.length; i++) ins.run(i + 1, rows[i][1], JSON.stringify(rows[i]), 'GSM7', 1);
  })(data);
  const ms = performance.now() - t0;
  db.close();
  return { ms, rows: data.length - 1 };
}

// ---- phases (to see where the time goes) ------------------------------------------------------

async function phases(bytes: Uint8Array): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let t = performance.now();
  const { text } = decodeCsvBytes(bytes);
  out.decode = performance.now() - t;
  t = performance.now();
  const d = sniffDelimiter(text);
  out.sniff = performance.now() - t;
  t = performance.now();
  const { rows } = await parseCsvAsync(text, d);
  out.parse = performance.now() - t;
  t = performance.now();
  for (let i = 1; i < rows.length; i++) normaliseMsisdn(rows[i][1] ?? '', 'DK');
  out.normalise = performance.now() - t;
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const { bytes, suppressed } = makeFile(ROWS);
  const { text } = decodeCsvBytes(bytes);
  console.log(`file: ${ROWS.toLocaleString('en')} rows, ${(bytes.length / 1048576).toFixed(1)} MB windows-1252, ';'`);

  // Warm-up, then interleave so that machine noise hits both alike.
  await full(bytes, suppressed);
  baseline(text);
  const f: number[] = [];
  const b: number[] = [];
  let last = { accepted: 0, rejected: 0 };
  for (let i = 0; i < RUNS; i++) {
    const r = await full(bytes, suppressed);
    f.push(r.ms);
    last = r;
    b.push(baseline(text).ms);
  }
  const fm = median(f);
  const bm = median(b);
  const ph = await phases(bytes);
  console.log(`accepted ${last.accepted.toLocaleString('en')}, rejected ${last.rejected.toLocaleString('en')}`);
  console.log(
    `full      (analyseImport + INSERT): ${fm.toFixed(0)} ms  ${Math.round((ROWS / fm) * 1000).toLocaleString('en')} rows/s   runs: ${f.map((x) => x.toFixed(0)).join(' ')}`,
  );
  console.log(
    `baseline  (Papa.parse + INSERT):    ${bm.toFixed(0)} ms  ${Math.round((ROWS / bm) * 1000).toLocaleString('en')} rows/s   runs: ${b.map((x) => x.toFixed(0)).join(' ')}`,
  );
  console.log(
    `ratio full/baseline: ${(fm / bm).toFixed(2)}× by median, ${(Math.min(...f) / Math.min(...b)).toFixed(2)}× best vs best (target ≤ 2×)`,
  );
  console.log(
    `phases (one run, ms): ${Object.entries(ph)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ')}`,
  );
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
