// Cutting a batch into requests the server accepts.

// The server takes at most 10,000 shipments and 8 MiB per request (its
// batch_lines_max and body_bytes_max); a larger file goes as consecutive
// requests in input order, each seeing the ledger as the earlier ones left it.
export const BATCH_LINES_MAX = 10_000;
export const BATCH_BYTES_MAX = 7 * 1024 * 1024;

export function chunkLines(
  lines: string[],
  maxLines = BATCH_LINES_MAX,
  maxBytes = BATCH_BYTES_MAX,
): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  const encoder = new TextEncoder();
  for (const line of lines) {
    const size = encoder.encode(line).length + 1;
    if (current.length && (current.length >= maxLines || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(line);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

// Ids that appear in two different requests. Within one request the server
// marks a repeated id `duplicate_id`; across requests it cannot (a durable
// ledger treats the second as a retry or `id_reused`), so the UI warns.
export function idsSplitAcrossChunks(chunks: string[][], ids: (string | undefined)[]): string[] {
  const firstChunk = new Map<string, number>();
  const split = new Set<string>();
  let line = 0;
  chunks.forEach((chunk, c) => {
    for (let i = 0; i < chunk.length; i++, line++) {
      const id = ids[line];
      if (id === undefined) continue;
      const seen = firstChunk.get(id);
      if (seen === undefined) firstChunk.set(id, c);
      else if (seen !== c) split.add(id);
    }
  });
  return [...split];
}
