// Searching by substring in SQLite: the search text as a LIKE pattern (use with ESCAPE '\').
/** LIKE pattern for a literal substring (%, _ and \ in the search mean themselves). */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
