// Column names as merge fields (%Name%), one per column: a header row's cells (blank → "Column N",
// '%' and line breaks dropped since a tag cannot hold them, repeats numbered " (2)"), or for a file
// without a header row "Column 1", "Column 2" … Shared so the renderer names columns as main does
// when the user toggles "first row is a header".
export function columnNames(headers: readonly string[], width: number): string[] {
  const seen = new Set<string>();
  // Per name, the next number to try: 20,000 equal header cells would otherwise try 2, 3, … again
  // for every repeat (quadratic: a crafted 16 KB header row froze the main process for seconds).
  const nextNumber = new Map<string, number>();
  const names: string[] = [];
  for (let i = 0; i < width; i++) {
    let name = (headers[i] ?? '').replace(/[%\r\n]+/g, ' ').trim() || `Column ${i + 1}`;
    const key = name.toLowerCase();
    if (seen.has(key)) {
      let n = nextNumber.get(key) ?? 2;
      while (seen.has(`${key} (${n})`)) n++;
      nextNumber.set(key, n + 1);
      name = `${name} (${n})`;
    }
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}
