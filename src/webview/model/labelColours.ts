// The colours of a reason label drawn on a bar: the text, and a solid plate behind it so the hatch
// or dots of the state's pattern never run under the letters. Normal themes: the state's own colour,
// unpatterned, with dark or white text; high contrast: black on white or white on black. Pure, so
// the contrast is checked in Node (WCAG relative luminance).
export interface Rgb { r: number; g: number; b: number }

const channel = (v: number) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
/** WCAG 2 relative luminance, 0…1. */
export function relativeLuminance(c: Rgb): number {
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}
/** WCAG 2 contrast ratio, 1…21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const DARK: Rgb = { r: 0x1e, g: 0x1e, b: 0x1e };
const hex = (c: Rgb) => `#${[c.r, c.g, c.b].map(v => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

const MIN_CONTRAST = 4.5;
const mix = (a: Rgb, b: Rgb, k: number): Rgb => ({ r: Math.round(a.r + (b.r - a.r) * k), g: Math.round(a.g + (b.g - a.g) * k), b: Math.round(a.b + (b.b - a.b) * k) });

export interface LabelColours { text: string; plate: string }

/** Text and plate for a label on a bar whose (opaque) state colour is `base`. */
export function labelColours(base: Rgb, highContrast: boolean): LabelColours {
  if (highContrast) {
    const darkText = relativeLuminance(base) > 0.4;
    return darkText ? { text: hex(BLACK), plate: hex(WHITE) } : { text: hex(WHITE), plate: hex(BLACK) };
  }
  // whichever of dark or white text reads better on the state's colour; the plate is that colour,
  // deepened (or lightened) just enough for 4.5:1 where a mid-tone would not reach it
  const text = contrastRatio(DARK, base) >= contrastRatio(WHITE, base) ? DARK : WHITE;
  const away = text === WHITE ? BLACK : WHITE;
  let plate = base;
  for (let k = 0.1; contrastRatio(text, plate) < MIN_CONTRAST && k <= 1; k += 0.1) plate = mix(base, away, k);
  return { text: hex(text), plate: hex(plate) };
}
