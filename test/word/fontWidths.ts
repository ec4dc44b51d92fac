/**
 * The advance widths of printable ASCII in the font LibreOffice draws digits and Latin letters in
 * when the export names Times New Roman: fontconfig's match under the rendering test's fonts.conf
 * (DejaVu Serif where Liberation Serif, Times' metric twin, is not installed). Read from the font's
 * `cmap` (format 4) and `hmtx` tables, in thousandths of an em, as the layout engine's `latinWidths`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './exportGeometry';

export function latinFontFile(): string {
  return run('fc-match', ['--format=%{file}', 'Times New Roman'], { ...process.env, FONTCONFIG_FILE: join(__dirname, '..', 'fixtures', 'word', 'fonts.conf') });
}

export function asciiWidths(file: string): number[] {
  const font = readFileSync(file);
  const tables = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(4); i++) tables.set(font.toString('latin1', 12 + 16 * i, 16 + 16 * i), font.readUInt32BE(20 + 16 * i));
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file} has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const metrics = font.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const cmap = table('cmap');
  let subtable = -1;
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const at = cmap + 4 + 8 * i;
    if (font.readUInt16BE(at) === 3 && font.readUInt16BE(at + 2) === 1) subtable = cmap + font.readUInt32BE(at + 4);
  }
  if (subtable < 0 || font.readUInt16BE(subtable) !== 4) throw new Error(`${file} has no Unicode cmap of format 4`);
  const segments = font.readUInt16BE(subtable + 6) / 2;
  const field = (array: number, i: number): number => subtable + 14 + array * 2 * segments + (array > 0 ? 2 : 0) + 2 * i;
  const glyph = (code: number): number => {
    for (let i = 0; i < segments; i++) {
      const [end, start, delta, rangeOffset] = [font.readUInt16BE(field(0, i)), font.readUInt16BE(field(1, i)), font.readInt16BE(field(2, i)), font.readUInt16BE(field(3, i))];
      if (code < start || code > end) continue;
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const g = font.readUInt16BE(field(3, i) + rangeOffset + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const widths: number[] = [];
  for (let code = 0x20; code <= 0x7e; code++) widths.push(Math.round((font.readUInt16BE(hmtx + 4 * Math.min(glyph(code), metrics - 1)) * 1000) / unitsPerEm));
  return widths;
}
