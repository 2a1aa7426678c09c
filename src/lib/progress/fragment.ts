/**
 * A record in a URL fragment, for moving it by QR code: the export file (checksum
 * included) as canonical JSON, deflate-raw compressed, base64url encoded, behind a short
 * tag that names this encoding. Decoding ends in importValue, so a scanned link is
 * validated exactly like a file. The fragment never reaches a server.
 */
import { canonicalJson } from "./canonical.ts";
import { problem } from "./errors.ts";
import { createExport, importValue, type ExportFile, type ImportResult } from "./export.ts";
import { base64url, fromBase64url } from "./ids.ts";
import type { ProgressRecord } from "./schema.ts";

/** Names the encoding, so another one can be added later without guessing. */
export const FRAGMENT_TAG = "r1.";

/** Byte-mode capacity of a version 40 QR code at error correction level L. */
export const QR_BYTE_CAPACITY = 2953;

/** Decompressed size we accept from a link: far above any real record, far below harm. */
const MAX_DECODED_BYTES = 4 * 1024 * 1024;

type ByteStream = TransformStream<Uint8Array, Uint8Array>;

function streamOf(kind: "compress" | "decompress"): ByteStream | undefined {
  const g = globalThis as unknown as {
    CompressionStream?: new (format: string) => ByteStream;
    DecompressionStream?: new (format: string) => ByteStream;
  };
  const Stream = kind === "compress" ? g.CompressionStream : g.DecompressionStream;
  return Stream ? new Stream("deflate-raw") : undefined;
}

/** Push bytes through a transform and collect the output, stopping past `limit` bytes. */
async function pipe(bytes: Uint8Array, transform: ByteStream, limit = Infinity): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  // Write without awaiting first: awaiting before reading would deadlock on backpressure.
  const writing = writer
    .write(bytes)
    .then(() => writer.close())
    .catch(() => undefined); // a failure also errors the readable side, which reports it
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError("decoded data too large");
    }
    chunks.push(value);
  }
  await writing;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export class CompressionUnavailableError extends Error {
  constructor() {
    super("此浏览器不支持压缩数据，无法生成二维码，请改用导出文件。");
    this.name = "CompressionUnavailableError";
  }
}

/** An export file → `r1.<base64url>`. */
export async function encodeFragment(file: ExportFile): Promise<string> {
  const stream = streamOf("compress");
  if (!stream) throw new CompressionUnavailableError();
  const compressed = await pipe(new TextEncoder().encode(canonicalJson(file)), stream);
  return FRAGMENT_TAG + base64url(compressed);
}

export const encodeRecordFragment = async (record: ProgressRecord, now?: Date): Promise<string> =>
  encodeFragment(await createExport(record, now));

/** A fragment (with or without the leading #) → record, or what is wrong with it. */
export async function decodeFragment(fragment: string): Promise<ImportResult> {
  const text = fragment.replace(/^#/, "").trim();
  if (!text) return { ok: false, problem: problem("empty", "链接里没有学习记录。") };
  const broken = { ok: false as const, problem: problem("corrupt", "链接或二维码中的学习记录不完整或已损坏：请重新扫描，或复制完整的链接。") };
  if (!text.startsWith(FRAGMENT_TAG)) return broken;
  const bytes = fromBase64url(text.slice(FRAGMENT_TAG.length));
  if (!bytes) return broken;
  const stream = streamOf("decompress");
  if (!stream) return { ok: false, problem: problem("unsupported", new CompressionUnavailableError().message) };
  let json: string;
  try {
    json = new TextDecoder("utf-8", { fatal: true }).decode(await pipe(bytes, stream, MAX_DECODED_BYTES));
  } catch {
    return broken;
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return broken;
  }
  return importValue(value);
}

const utf8Length = (text: string) => new TextEncoder().encode(text).byteLength;

/**
 * Whether `urlPrefix` (e.g. "https://example.org/academy/import/#") followed by the
 * fragment fits one QR code in byte mode. When it does not, offer the file instead.
 */
export const fitsInQrCode = (fragment: string, urlPrefix: string): boolean =>
  utf8Length(urlPrefix) + utf8Length(fragment) <= QR_BYTE_CAPACITY;

/** Bytes left for the fragment after the URL prefix. */
export const qrFragmentBudget = (urlPrefix: string): number => Math.max(0, QR_BYTE_CAPACITY - utf8Length(urlPrefix));
