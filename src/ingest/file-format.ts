/**
 * Recognises document formats that are not text by their first bytes, so that a PDF or a Word file is
 * refused by name with a hint on how to get its text, instead of being analysed as text (an uncompressed
 * PDF is mostly ASCII and passed the binary check: its page operators came out as "claims").
 */

export interface KnownFormat {
  /** What the file is, as a user would call it. */
  readonly name: string;
  /** How to get text out of it. */
  readonly hint: string;
}

const SIGNATURES: readonly { readonly magic: readonly number[]; readonly format: KnownFormat }[] = [
  {
    magic: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
    format: {
      name: 'a PDF document',
      hint: 'Extract its text first (for example `pdftotext -layout file.pdf file.txt`) and analyse the text file.',
    },
  },
  {
    magic: [0x50, 0x4b, 0x03, 0x04], // PK.. (local file header)
    format: {
      name: 'a ZIP container (a DOCX, ODT, EPUB or XLSX document, or a .zip archive)',
      hint: 'Save the document as plain text (.txt) or HTML, or unpack the archive, and analyse those files.',
    },
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    format: { name: 'an old Microsoft Office document (DOC, XLS or PPT)', hint: 'Save it as plain text (.txt) or HTML first.' },
  },
  {
    magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
    format: { name: 'an RTF document', hint: 'Save it as plain text (.txt) first: its formatting codes would be read as words.' },
  },
  { magic: [0x1f, 0x8b], format: { name: 'a gzip-compressed file', hint: 'Decompress it first (`gunzip`).' } },
  { magic: [0x89, 0x50, 0x4e, 0x47], format: { name: 'a PNG image', hint: 'Narrascope reads text; run OCR on the image first.' } },
  { magic: [0xff, 0xd8, 0xff], format: { name: 'a JPEG image', hint: 'Narrascope reads text; run OCR on the image first.' } },
  { magic: [0x47, 0x49, 0x46, 0x38], format: { name: 'a GIF image', hint: 'Narrascope reads text; run OCR on the image first.' } },
];

/** The format the bytes open with, or null for anything else (text included). A UTF-8 BOM before it is skipped. */
export function knownFormat(bytes: Uint8Array): KnownFormat | null {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (const { magic, format } of SIGNATURES) {
    if (bytes.length - start >= magic.length && magic.every((b, i) => bytes[start + i] === b)) return format;
  }
  return null;
}
