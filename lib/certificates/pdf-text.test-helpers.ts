import { inflateSync } from "node:zlib";

/**
 * Reads the text back out of a PDF the app generated (certificates, sign-in sheets), so tests
 * check what a reader of the file sees rather than what we meant to draw.
 *
 * Scope: the PDFs `@react-pdf/renderer` writes — Flate-compressed content streams, Type0 fonts
 * with Identity-H encoding whose text is glyph ids, each font with a ToUnicode CMap (without it
 * no viewer could copy or search the text either, so its presence is part of what is tested),
 * and standard fonts in WinAnsi. It follows font switches (`Tf`), the text-showing operators
 * (`Tj`, `TJ`, `'`, `"`) and where each run is drawn (`q`/`Q`/`cm`/`Tm`/`Td`), so runs on one
 * baseline read as one line. Not a general PDF parser: no object streams, no encryption.
 */
export type PdfText = {
  /** Every line of text (runs on one baseline joined), in drawing order. */
  runs: string[];
  /** The lines joined by newlines. */
  text: string;
  pageCount: number;
};

type PdfObject = { id: number; dict: string; stream: Buffer | null };

function readObjects(pdf: Buffer): PdfObject[] {
  const source = pdf.toString("latin1");
  const objects: PdfObject[] = [];
  const header = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(source))) {
    const start = match.index + match[0].length;
    const end = source.indexOf("endobj", start);
    if (end < 0) break;
    const body = source.slice(start, end);
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.push({ id: Number(match[1]), dict: body, stream: null });
    } else {
      const dict = body.slice(0, streamAt);
      const dataStart = start + streamAt + body.slice(streamAt).indexOf("\n") + 1;
      const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
      const dataEnd = length
        ? dataStart + Number(length[1])
        : source.lastIndexOf("endstream", end);
      let data = pdf.subarray(dataStart, dataEnd);
      if (/\/FlateDecode/.test(dict)) data = inflateSync(data);
      objects.push({ id: Number(match[1]), dict, stream: data });
    }
    header.lastIndex = end;
  }
  return objects;
}

function hexBytes(hex: string): Buffer {
  const clean = hex.replace(/\s+/g, "");
  return Buffer.from(clean.length % 2 ? `${clean}0` : clean, "hex");
}

function utf16(hex: string): string {
  const bytes = hexBytes(hex);
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.readUInt16BE(i));
  return out;
}

/** code (as a number) → text, from a ToUnicode CMap. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(parseInt(src!, 16), utf16(dst!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const line = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g;
    for (const [, lo, hi, dst] of block[1]!.matchAll(line)) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      if (dst!.startsWith("[")) {
        const items = [...dst!.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => utf16(m[1]!));
        items.forEach((text, i) => map.set(from + i, text));
      } else {
        const base = utf16(dst!.slice(1, -1));
        const last = base.charCodeAt(base.length - 1);
        for (let code = from; code <= to; code++) {
          map.set(code, base.slice(0, -1) + String.fromCharCode(last + (code - from)));
        }
      }
    }
  }
  return map;
}

type Token = { kind: "hex" | "literal" | "name" | "number" | "op" | "[" | "]"; value: string };

function tokenize(content: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < content.length) {
    const c = content[i]!;
    if (/\s/.test(c)) i++;
    else if (c === "%") while (i < content.length && content[i] !== "\n") i++;
    else if (c === "[" || c === "]") {
      tokens.push({ kind: c, value: c });
      i++;
    } else if ((c === "<" || c === ">") && content[i + 1] === c) {
      tokens.push({ kind: "op", value: c + c });
      i += 2;
    } else if (c === "<") {
      const end = content.indexOf(">", i);
      tokens.push({ kind: "hex", value: content.slice(i + 1, end) });
      i = end + 1;
    } else if (c === "(") {
      let depth = 1;
      let j = i + 1;
      let value = "";
      while (j < content.length && depth > 0) {
        const d = content[j]!;
        if (d === "\\") value += content[++j] ?? "";
        else if (d === "(") {
          depth++;
          value += d;
        } else if (d === ")") {
          depth--;
          if (depth > 0) value += d;
        } else value += d;
        j++;
      }
      tokens.push({ kind: "literal", value });
      i = j;
    } else if (c === "/") {
      const m = /^\/[^\s/[\]()<>]*/.exec(content.slice(i))!;
      tokens.push({ kind: "name", value: m[0].slice(1) });
      i += m[0].length;
    } else {
      const m = /^[^\s/[\]()<>%]+/.exec(content.slice(i))!;
      tokens.push({ kind: /^[-+.\d]/.test(m[0]) ? "number" : "op", value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** a × b for PDF's row-vector matrices [a b c d e f]. */
function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

type PdfFont = {
  /** The text of a string operand. */
  decode: (token: Token) => string;
  /** Its advance in thousandths of the font size. */
  advance: (token: Token) => number;
};

/** A CID font's /W array: `c [w1 w2 …]` and `cFirst cLast w` entries. */
function parseWidths(w: string): Map<number, number> {
  const widths = new Map<number, number>();
  const tokens = w.match(/\[|\]|-?[\d.]+/g) ?? [];
  for (let i = 0; i < tokens.length; ) {
    const first = Number(tokens[i++]);
    if (tokens[i] === "[") {
      i++;
      let code = first;
      while (i < tokens.length && tokens[i] !== "]") widths.set(code++, Number(tokens[i++]));
      i++;
    } else {
      const last = Number(tokens[i++]);
      const width = Number(tokens[i++]);
      for (let code = first; code <= last; code++) widths.set(code, width);
    }
  }
  return widths;
}

/** Resource name (F1, F2…) → how its strings turn into text, and how wide they are. */
function readFonts(objects: PdfObject[]): Map<string, PdfFont> {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const fonts = new Map<string, PdfFont>();
  for (const object of objects) {
    for (const [, name, ref] of object.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = byId.get(Number(ref));
      if (!font || !/\/Type\s*\/Font/.test(font.dict)) continue;
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      const cmap = toUnicode && byId.get(Number(toUnicode[1]))?.stream;
      if (cmap) {
        const map = parseCMap(cmap.toString("latin1"));
        const descendant = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(font.dict);
        const cidFont = descendant ? byId.get(Number(descendant[1])) : undefined;
        const w = cidFont && /\/W\s*\[([\s\S]*)\]/.exec(cidFont.dict);
        const widths = w ? parseWidths(w[1]!) : new Map<number, number>();
        const fallback = Number(/\/DW (\d+)/.exec(cidFont?.dict ?? "")?.[1] ?? 1000);
        const codes = (token: Token) => {
          const bytes = token.kind === "hex" ? hexBytes(token.value) : Buffer.from(token.value, "latin1");
          return Array.from({ length: bytes.length >> 1 }, (_, i) => bytes.readUInt16BE(i * 2));
        };
        fonts.set(name!, {
          decode: (token) => codes(token).map((code) => map.get(code) ?? "\uFFFD").join(""),
          advance: (token) => codes(token).reduce((sum, code) => sum + (widths.get(code) ?? fallback), 0),
        });
      } else {
        // A standard (non-embedded) font with WinAnsi encoding: one byte per character, and
        // no width table at hand (an average width will do for spacing).
        const text = (token: Token) =>
          token.kind === "hex" ? hexBytes(token.value).toString("latin1") : token.value;
        fonts.set(name!, { decode: text, advance: (token) => text(token).length * 550 });
      }
    }
  }
  return fonts;
}

const number = (token: Token | undefined) => Number(token?.value ?? 0);

export function extractPdfText(pdf: Buffer): PdfText {
  const objects = readObjects(pdf);
  const byId = new Map(objects.map((o) => [o.id, o]));
  const fonts = readFonts(objects);
  const pages = objects.filter((o) => /\/Type\s*\/Page(?!s)/.test(o.dict));
  const contentIds: number[] = [];
  for (const page of pages) {
    const contents = /\/Contents\s*(?:(\d+) 0 R|\[([^\]]*)\])/.exec(page.dict);
    if (contents?.[1]) contentIds.push(Number(contents[1]));
    for (const [, id] of (contents?.[2] ?? "").matchAll(/(\d+) 0 R/g)) contentIds.push(Number(id));
  }

  const runs: string[] = [];
  for (const id of contentIds) {
    const stream = byId.get(id)?.stream;
    if (!stream) continue;
    let ctm: Matrix = IDENTITY;
    const stack: Matrix[] = [];
    let tm: Matrix = IDENTITY;
    let lineStart: Matrix = IDENTITY;
    let font: PdfFont | undefined;
    let fontSize = 0;
    // Runs drawn on one baseline, left to right, are one line of text: react-pdf draws each
    // script and each font as its own run, and each cell of a table row as its own text. A gap
    // wider than a third of the font size between one run's end and the next run's start (two
    // cells, two columns) reads as a space; runs that touch (2026 + 년) join directly.
    let line = "";
    let last: { y: number; end: number } | null = null;
    const show = (items: Token[]) => {
      if (!font) return;
      const matrix = multiply(tm, ctm);
      const [scale, , , , x, y] = matrix;
      const sameLine = last !== null && Math.abs(y - last.y) < 1.5 && x >= last.end - fontSize;
      if (!sameLine) {
        if (line.trim()) runs.push(line);
        line = "";
      } else if (x - last!.end > fontSize / 3) line += " ";
      let width = 0;
      for (const item of items) {
        if (item.kind === "number") width -= Number(item.value);
        else {
          line += font.decode(item);
          width += font.advance(item);
        }
      }
      last = { y, end: x + (width / 1000) * fontSize * Math.abs(scale) };
    };
    const operands: Token[] = [];
    const tokens = tokenize(stream.toString("latin1"));
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.kind === "[") {
        const array: Token[] = [];
        while (tokens[++i] && tokens[i]!.kind !== "]") array.push(tokens[i]!);
        operands.push({ kind: "[", value: JSON.stringify(array) });
        continue;
      }
      if (token.kind !== "op") {
        operands.push(token);
        continue;
      }
      const six = () => operands.slice(-6).map((t) => Number(t.value)) as Matrix;
      switch (token.value) {
        case "q":
          stack.push(ctm);
          break;
        case "Q":
          ctm = stack.pop() ?? IDENTITY;
          break;
        case "cm":
          ctm = multiply(six(), ctm);
          break;
        case "BT":
          tm = lineStart = IDENTITY;
          break;
        case "Tm":
          tm = lineStart = six();
          break;
        case "Td":
        case "TD":
          tm = lineStart = multiply([1, 0, 0, 1, number(operands.at(-2)), number(operands.at(-1))], lineStart);
          break;
        case "Tf":
          font = fonts.get(operands.at(-2)?.value ?? "");
          fontSize = number(operands.at(-1));
          break;
        case "Tj":
        case "'":
        case '"':
          show([operands.at(-1)!]);
          break;
        case "TJ":
          // Numbers in the array are kerning and letter spacing; spaces are glyphs of their own.
          show(JSON.parse(operands.at(-1)!.value) as Token[]);
          break;
      }
      operands.length = 0;
    }
    if (line.trim()) runs.push(line);
  }
  return { runs, text: runs.join("\n"), pageCount: pages.length };
}
