import iconv from "iconv-lite";

/** Single-byte encodings that UTF-8 text is commonly mis-decoded as. */
export type MojibakeEncoding = "macroman" | "windows-1252";

export interface MojibakeReport {
  encoding: MojibakeEncoding;
  /** the first garbled passage, with a little context, for a warning message */
  sample: string;
}

const ENCODINGS: readonly MojibakeEncoding[] = ["macroman", "windows-1252"];

/**
 * Characters iconv-lite's tables lack but garbled text still shows. Windows-1252 text may come
 * from a decoder that read bytes 0x80–0x9F as C1 controls (ISO-8859-1, or WHATWG for the five
 * unassigned bytes). Mac Roman's 0xF0 is the Apple logo, U+F8FF, which iconv-lite leaves out.
 */
const HOLES: Record<MojibakeEncoding, ReadonlyArray<readonly [string, number]>> = {
  "windows-1252": Array.from({ length: 0x20 }, (_, i) => [String.fromCharCode(0x80 + i), 0x80 + i] as const),
  macroman: [["\uf8ff", 0xf0]],
};

/** character → byte for the upper half (0x80–0xFF) of an encoding, from iconv-lite's tables */
function byteTable(encoding: MojibakeEncoding): ReadonlyMap<string, number> {
  const table = new Map<string, number>(HOLES[encoding]);
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = iconv.decode(Buffer.from([byte]), encoding);
    if (char !== "\ufffd") table.set(char, byte);
  }
  return table;
}

const BYTE_OF: Record<MojibakeEncoding, ReadonlyMap<string, number>> = {
  macroman: byteTable("macroman"),
  "windows-1252": byteTable("windows-1252"),
};

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A garbled passage: `text.slice(start, end)` was `repaired` before it was mis-decoded. */
interface Repair {
  start: number;
  end: number;
  repaired: string;
}

/** Length of the UTF-8 sequence a lead byte announces, or 0 when it cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * A character that garbling could plausibly have produced. Combining marks are refused:
 * "Ã©" read as Mac Roman would otherwise become a stray U+0329 instead of the "é" it is in
 * Windows-1252; controls, private-use and unassigned code points never come from real text.
 */
function isPlausible(char: string): boolean {
  // emoji variation selectors and the keycap mark are marks too, but belong to emoji sequences
  const marks = char.replace(/[\ufe0e\ufe0f\u20e3]/gu, "");
  return !/[\p{M}\p{Cc}\p{Co}\p{Cn}\p{Cs}\ufffd]/u.test(marks);
}

/** `count` bytes from `at`, or null when the run ends or a character has no byte. */
function bytesAt(bytes: readonly (number | undefined)[], at: number, count: number): number[] | null {
  const slice = bytes.slice(at, at + count).filter((b): b is number => b !== undefined);
  return slice.length === count ? slice : null;
}

/**
 * Mac Roman shows byte 0xF0 as the Apple logo (U+F8FF, private use), which converters often
 * drop or replace with U+FFFD: 📋 (F0 9F 93 8B) then survives as "üìã" (9F 93 8B). Three
 * continuation bytes starting with 0x9F get the lost lead byte back when that yields a pictograph.
 */
function restoreLostLead(bytes: readonly (number | undefined)[], at: number, encoding: MojibakeEncoding): string | null {
  if (encoding !== "macroman" || bytes[at] !== 0x9f) return null;
  const tail = bytesAt(bytes, at, 3);
  if (!tail || !tail.every((b) => b >= 0x80 && b <= 0xbf)) return null;
  const char = decodeStrict([0xf0, ...tail]);
  return char !== null && /\p{Extended_Pictographic}|\p{Emoji_Component}/u.test(char) ? char : null;
}

/** Every passage of `text` that, re-encoded as `encoding`, is a valid multi-byte UTF-8 sequence. */
function findRepairs(text: string, encoding: MojibakeEncoding): Repair[] {
  const repairs: Repair[] = [];
  // UTF-8 multi-byte sequences use bytes >= 0x80 only, which these encodings show as non-ASCII.
  for (const run of text.matchAll(/[^\x00-\x7f]{2,}/g)) {
    // both encodings map bytes to BMP characters, so one UTF-16 unit stands for one byte
    const chars = run[0].split("");
    const bytes = chars.map((c) => BYTE_OF[encoding].get(c));
    let i = 0;
    while (i < bytes.length) {
      const length = sequenceLength(bytes[i] ?? 0);
      const sequence = length > 0 ? bytesAt(bytes, i, length) : null;
      const repaired = sequence && decodeStrict(sequence);
      if (repaired && isPlausible(repaired)) {
        repairs.push({ start: run.index + i, end: run.index + i + length, repaired });
        i += length;
        continue;
      }
      const restored = restoreLostLead(bytes, i, encoding);
      if (restored !== null) {
        // a decoder that had no character for the lead byte may have left U+FFFD in its place
        const lostLead = chars[i - 1] === "\ufffd" && repairs.at(-1)?.end !== run.index + i ? 1 : 0;
        repairs.push({ start: run.index + i - lostLead, end: run.index + i + 3, repaired: restored });
        i += 3;
        continue;
      }
      i += 1;
    }
  }
  return repairs;
}

function decodeStrict(bytes: number[]): string | null {
  try {
    return strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/** The encoding whose repairs cover the most garbled characters, if any. */
function bestRepairs(text: string): { encoding: MojibakeEncoding; repairs: Repair[] } | null {
  let best: { encoding: MojibakeEncoding; repairs: Repair[]; covered: number } | null = null;
  for (const encoding of ENCODINGS) {
    const repairs = findRepairs(text, encoding);
    const covered = repairs.reduce((sum, r) => sum + r.end - r.start, 0);
    if (covered > 0 && (!best || covered > best.covered)) best = { encoding, repairs, covered };
  }
  return best && { encoding: best.encoding, repairs: best.repairs };
}

/**
 * Detects UTF-8 text that was decoded as Mac Roman or Windows-1252 (e.g. "üìã" for 📋,
 * "cafÃ©" for "café"). Returns the likelier encoding and a sample, or null for clean text.
 * Pure; throws nothing.
 */
export function detectMojibake(text: string): MojibakeReport | null {
  const best = bestRepairs(text);
  const first = best?.repairs[0];
  if (!best || !first) return null;
  const from = Math.max(0, first.start - 20);
  const to = Math.min(text.length, first.end + 20);
  return { encoding: best.encoding, sample: text.slice(from, to).replace(/\s+/g, " ").trim() };
}

/**
 * Repairs mojibake found by {@link detectMojibake}: each garbled passage is re-encoded to the
 * bytes it came from and decoded as UTF-8. Only passages that form valid UTF-8 change, so clean
 * text — accents, CJK, real emoji — comes back unchanged. Pure; throws nothing.
 */
export function repairMojibake(text: string): string {
  const best = bestRepairs(text);
  if (!best) return text;
  let out = "";
  let at = 0;
  for (const r of best.repairs) {
    out += text.slice(at, r.start) + r.repaired;
    at = r.end;
  }
  out += text.slice(at);
  // only keep the repair if it leaves fewer garbled-looking passages than it found
  return findRepairs(out, best.encoding).length < best.repairs.length ? out : text;
}
