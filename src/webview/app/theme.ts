// Colours and patterns of the timeline, read from the VS Code theme (--vscode-charts-* and friends)
// each time the theme changes. State is never told by colour alone: every state has its own
// pattern (solid / hatched / dotted / thin track), drawn stronger in high-contrast themes, where
// segments also carry a state label.
import { STATE_COUNT } from '../../shared/columnar';
import { labelColours } from '../model/labelColours';

export interface Rgba { r: number; g: number; b: number; a: number }
export interface Theme {
  kind: 'light' | 'dark' | 'highContrast';
  /** per state code: CSS colour string */
  stateCss: string[];
  /** per state code: 8×8 tiles of packed ABGR pixels (for ImageData) */
  tiles: Uint32Array[];
  /** per state code: text colour of a label on the state's bar */
  onState: string[];
  /** per state code: the solid plate drawn behind that label (no pattern under the text) */
  labelPlate: string[];
  foreground: string;
  muted: string;
  grid: string;
  gridMajor: string;
  background: string;
  zebra: string;
  hover: string;
  selection: string;
  marker: string;
  now: string;
  /** the over-limit mark: 8×8 tile of the striped tape (packed ABGR), its solid edge, and the CSS colour */
  overTile: Uint32Array;
  overEdge: number;
  overCss: string;
  font: string;
  fontSize: number;
}

const probe = (() => {
  let ctx: CanvasRenderingContext2D | null = null;
  return (css: string): Rgba => {
    ctx ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!ctx) return { r: 128, g: 128, b: 128, a: 255 };
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#808080';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return { r: d[0], g: d[1], b: d[2], a: d[3] };
  };
})();

const pack = (c: Rgba) => ((c.a << 24) | (c.b << 16) | (c.g << 8) | c.r) >>> 0;
const mix = (a: Rgba, b: Rgba, t: number): Rgba => ({ r: Math.round(a.r + (b.r - a.r) * t), g: Math.round(a.g + (b.g - a.g) * t), b: Math.round(a.b + (b.b - a.b) * t), a: 255 });
const luminance = (c: Rgba) => (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255;
/** A colour blended over the background so it is opaque (ImageData has no compositing). */
const opaque = (c: Rgba, bg: Rgba): Rgba => mix(bg, { ...c, a: 255 }, c.a / 255);

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v || fallback;
}

/** Pattern masks per state code (1 = accent pixel) on an 8×8 tile. */
function patternMask(state: number, x: number, y: number): boolean {
  switch (state) {
    case 0: return false; // online: solid
    case 1: return (x & 3) === 0 && (y & 3) === 1; // back soon: dots
    case 2: return ((x + y) & 7) < 2; // away: diagonal hatch
    default: return false; // offline: drawn as a thin track instead
  }
}

export function readTheme(): Theme {
  const body = document.body;
  const style = getComputedStyle(body);
  const kind: Theme['kind'] = body.classList.contains('vscode-high-contrast') || body.classList.contains('vscode-high-contrast-light')
    ? 'highContrast' : body.classList.contains('vscode-light') ? 'light' : 'dark';
  const bgCss = cssVar(style, '--vscode-editor-background', kind === 'light' ? '#ffffff' : '#1e1e1e');
  const bg = probe(bgCss);
  const fgCss = cssVar(style, '--vscode-editor-foreground', kind === 'light' ? '#333333' : '#cccccc');
  const fg = probe(fgCss);
  const stateCss = [
    cssVar(style, '--vscode-charts-green', '#89d185'),
    cssVar(style, '--vscode-charts-yellow', '#cca700'),
    cssVar(style, '--vscode-charts-orange', '#d18616'),
    cssVar(style, '--vscode-charts-lines', cssVar(style, '--vscode-disabledForeground', '#808080')),
  ];
  const tiles: Uint32Array[] = [];
  const onState: string[] = [];
  const labelPlate: string[] = [];
  for (let s = 0; s < STATE_COUNT; s++) {
    const base = opaque(probe(stateCss[s]), bg);
    const lum = luminance(base);
    const accent = kind === 'highContrast' ? (lum > 0.5 ? { r: 0, g: 0, b: 0, a: 255 } : { r: 255, g: 255, b: 255, a: 255 })
      : mix(base, lum > 0.5 ? { r: 0, g: 0, b: 0, a: 255 } : { r: 255, g: 255, b: 255, a: 255 }, 0.28);
    const tile = new Uint32Array(64);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) tile[y * 8 + x] = pack(patternMask(s, x, y) ? accent : base);
    tiles.push(tile);
    const label = labelColours(base, kind === 'highContrast');
    onState.push(label.text);
    labelPlate.push(label.plate);
  }
  // over the time limit: the warning colour (high contrast: the contrast active border), striped with black or white
  const overCss = kind === 'highContrast'
    ? cssVar(style, '--vscode-contrastActiveBorder', cssVar(style, '--vscode-editorWarning-foreground', '#f38518'))
    : cssVar(style, '--vscode-editorWarning-foreground', cssVar(style, '--vscode-list-warningForeground', '#cca700'));
  const over = opaque(probe(overCss), bg);
  const ink = luminance(over) > 0.5 ? { r: 0, g: 0, b: 0, a: 255 } : { r: 255, g: 255, b: 255, a: 255 };
  const overTile = new Uint32Array(64);
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) overTile[y * 8 + x] = pack(((x + y) & 3) < 2 ? over : ink);
  const fontFamily = cssVar(style, '--vscode-font-family', 'system-ui, sans-serif');
  const fontSize = Math.max(11, Math.min(14, parseFloat(cssVar(style, '--vscode-font-size', '13')) || 13)) - 1;
  const css = (c: Rgba, a = 1) => `rgba(${c.r},${c.g},${c.b},${a})`;
  return {
    kind, stateCss, tiles, onState, labelPlate,
    foreground: fgCss,
    muted: cssVar(style, '--vscode-descriptionForeground', css(fg, 0.7)),
    grid: css(fg, kind === 'highContrast' ? 0.35 : 0.08),
    gridMajor: css(fg, kind === 'highContrast' ? 0.7 : 0.22),
    background: bgCss,
    zebra: css(fg, kind === 'highContrast' ? 0 : 0.025),
    hover: css(fg, kind === 'highContrast' ? 0.18 : 0.06),
    selection: cssVar(style, '--vscode-focusBorder', '#007fd4'),
    marker: fgCss,
    now: cssVar(style, '--vscode-charts-blue', '#3794ff'),
    overTile, overEdge: pack(over), overCss,
    font: fontFamily,
    fontSize,
  };
}
