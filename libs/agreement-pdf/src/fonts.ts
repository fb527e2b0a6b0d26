/**
 * The one font family every agreement PDF uses: DejaVu Sans (Bitstream Vera licence, see
 * assets/fonts/LICENSE-DejaVu.txt), which covers every Latin-script name (Zoë, Łukasz, Đorđe,
 * Šťastný, ...). The files are read and parsed ONCE per process: pdf-lib's `embedFont` calls
 * `fontkit.create(bytes)` for every document, so we register a fontkit whose `create` returns
 * the already-parsed font for the same bytes. Parsing DejaVu (760 kB) costs ~10 ms; a sealed
 * PDF has a budget of ~40 ms.
 *
 * The font pdf-lib sees also maps text to glyphs through the cmap alone instead of fontkit's
 * OpenType shaper (GSUB/GPOS): shaping was ~70% of the render time, and pdf-lib draws glyphs
 * by advance width only (no kerning) anyway. Latin-script text needs no shaping once it is NFC
 * (precomposed letters: Zoë, Ł, Đ, Š, ť all have their own glyphs in DejaVu); the cost is no
 * "fi"/"fl" ligatures, which also keeps text extraction literal.
 */
import fontkit from '@pdf-lib/fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Fontkit } from 'pdf-lib/cjs/types/fontkit';

export const REGULAR_FONT_FILE = 'DejaVuSans.ttf';
export const BOLD_FONT_FILE = 'DejaVuSans-Bold.ttf';

type ParsedFont = ReturnType<typeof fontkit.create>;

export interface LoadedFont {
  /** The file's bytes; pdf-lib embeds (a subset of) these. */
  bytes: Uint8Array;
  /** The fontkit font parsed once; also used to measure text without pdf-lib's layout. */
  parsed: ParsedFont;
  /** Advance width per code point in font units (cache; the result is a pure function of the font). */
  advances: Map<number, number>;
}

export interface AgreementFonts {
  regular: LoadedFont;
  bold: LoadedFont;
}

let fontDirectory: string | undefined;
let cached: AgreementFonts | undefined;
const parsedByBytes = new WeakMap<Uint8Array, ParsedFont>();

/** Where the TTF files live; by default the nearest `assets/fonts` above this file. */
export function setFontDirectory(directory: string): void {
  fontDirectory = resolve(directory);
  cached = undefined;
}

function findFontDirectory(): string {
  if (fontDirectory) return fontDirectory;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, REGULAR_FONT_FILE))) return candidate;
    if (dirname(dir) === dir) break;
  }
  for (const dir of [process.cwd(), resolve(process.cwd(), '..')]) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, REGULAR_FONT_FILE))) return candidate;
  }
  throw new Error(
    `agreement-pdf: ${REGULAR_FONT_FILE} not found in any assets/fonts above ${__dirname}; ` +
      'ship assets/fonts with the build or call setFontDirectory()',
  );
}

function load(directory: string, file: string): LoadedFont {
  const bytes = new Uint8Array(readFileSync(join(directory, file)));
  const parsed = fontkit.create(bytes);
  parsedByBytes.set(bytes, withCmapLayout(parsed));
  return { bytes, parsed, advances: new Map() };
}

type Glyph = ReturnType<ParsedFont['glyphForCodePoint']>;

/**
 * The parsed font with `layout` replaced by a per-code-point cmap lookup (see the header).
 * Everything else (metrics, subsetting, the glyph cache) is the parsed font's own.
 */
function withCmapLayout(font: ParsedFont): ParsedFont {
  const glyphs = new Map<number, Glyph>();
  const layout = (text: string) => {
    const run: Glyph[] = [];
    for (const char of text) {
      const cp = char.codePointAt(0) as number;
      let glyph = glyphs.get(cp);
      if (!glyph) {
        glyph = font.glyphForCodePoint(cp);
        glyphs.set(cp, glyph);
      }
      run.push(glyph);
    }
    return {
      glyphs: run,
      positions: run.map((g) => ({
        xAdvance: g.advanceWidth,
        yAdvance: 0,
        xOffset: 0,
        yOffset: 0,
      })),
    };
  };
  return Object.create(font, { layout: { value: layout } }) as ParsedFont;
}

/** The fonts, read and parsed on first use and then kept for the life of the process. */
export function agreementFonts(): AgreementFonts {
  if (!cached) {
    const directory = findFontDirectory();
    cached = { regular: load(directory, REGULAR_FONT_FILE), bold: load(directory, BOLD_FONT_FILE) };
  }
  return cached;
}

/**
 * A fontkit for `PDFDocument.registerFontkit` that hands out the parsed font for bytes we
 * already parsed (same Uint8Array instance) and parses anything else as usual.
 */
export const memoizedFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string) {
    const known = postscriptName ? undefined : parsedByBytes.get(buffer);
    return (known ?? fontkit.create(buffer, postscriptName)) as unknown as ReturnType<
      Fontkit['create']
    >;
  },
};

/**
 * Width of `text` at `size` points as pdf-lib will draw it (sum of advance widths; pdf-lib
 * positions glyphs by advance only and applies no kerning).
 */
export function textWidth(font: LoadedFont, text: string, size: number): number {
  let units = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    let advance = font.advances.get(cp);
    if (advance === undefined) {
      advance = font.parsed.glyphForCodePoint(cp).advanceWidth;
      font.advances.set(cp, advance);
    }
    units += advance;
  }
  return (units * size) / font.parsed.unitsPerEm;
}
