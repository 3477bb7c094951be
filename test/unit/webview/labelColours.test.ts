import * as assert from 'assert';
import { contrastRatio, labelColours, type Rgb } from '../../../src/webview/model/labelColours';

const parse = (h: string): Rgb => ({ r: parseInt(h.slice(1, 3), 16), g: parseInt(h.slice(3, 5), 16), b: parseInt(h.slice(5, 7), 16) });
// the state colours of the default dark, light and high-contrast themes (charts green/yellow/orange)
const BASES: Rgb[] = ['#89d185', '#cca700', '#d18616', '#388a34', '#bf8803', '#f14c4c', '#ffffff', '#000000'].map(parse);

describe('webview/model/labelColours', () => {
  it('puts every reason label on a solid plate it reads on (≥ 4.5:1), in all themes', () => {
    for (const hc of [false, true]) {
      for (const base of BASES) {
        const { text, plate } = labelColours(base, hc);
        assert.match(plate, /^#[0-9a-f]{6}$/, 'an opaque plate: no hatch under the text');
        const ratio = contrastRatio(parse(text), parse(plate));
        assert.ok(ratio >= 4.5, `${text} on ${plate} (state ${JSON.stringify(base)}, hc ${hc}) is only ${ratio.toFixed(2)}:1`);
      }
    }
  });
  it('high contrast: white on black over the orange away hatch (not white over orange)', () => {
    assert.deepStrictEqual(labelColours(parse('#d18616'), true), { text: '#ffffff', plate: '#000000' });
    assert.ok(contrastRatio(parse('#ffffff'), parse('#d18616')) < 4.5, 'white straight on the orange would not read');
  });
});
