/**
 * Bytes to text. Spreadsheets save CSV as UTF-8 (often with a byte-order mark) or, on older
 * Windows Excel, as Windows-1252; invalid UTF-8 is the tell. Binary files (a spreadsheet or an
 * image renamed .csv) are refused rather than shown as garbage.
 */
export type Decoded =
  { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' } | { ok: false; message: string };

const SAMPLE = 64 * 1024;

export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, line feed, form feed and carriage return are text; other C0 controls are not.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (isZip(bytes)) {
    return {
      ok: false,
      message: 'This is not a CSV file: it looks like an Excel workbook. Save it with the .xlsx extension.',
    };
  }
  if (looksBinary(bytes)) {
    return {
      ok: false,
      message: 'This is not a text file: it contains binary data. Choose a CSV or an Excel .xlsx file.',
    };
  }
  let text: string;
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
    encoding = 'windows-1252';
  }
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (curly quotes, dashes, the euro sign...).
// Spelled out because some runtimes decode "windows-1252" as plain Latin-1.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return text;
}
