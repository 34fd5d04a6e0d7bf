// Test helper: encode text as GBK (what Excel on Chinese Windows writes for "CSV (逗号分隔)").
// Node has no GBK encoder, so the table is built by decoding every two-byte GBK code once.

let table: Map<string, number[]> | null = null;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  const decoder = new TextDecoder("gb18030");
  const t = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== "\ufffd" && !t.has(ch)) t.set(ch, [lead, trail]);
    }
  }
  table = t;
  return t;
}

export function encodeGbk(text: string): Buffer {
  const t = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else {
      const bytes = t.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}
