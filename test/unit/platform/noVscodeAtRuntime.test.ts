// The pure platform/auth helpers are unit-tested in plain Node: loading them must not need `vscode`.
import * as assert from 'assert';

describe('pure shell helpers load without vscode', () => {
  for (const mod of [
    '../../../src/platform/errorPresentation',
    '../../../src/platform/redactingLog',
    '../../../src/platform/prompter',
    '../../../src/auth/accountRecord',
    '../../../src/auth/accountStore',
    '../../../src/auth/secretVault',
    '../../../src/auth/signInFailure',
    '../../../src/auth/signInFlow',
  ]) {
    it(mod.replace('../../../', ''), () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      assert.ok(require(mod));
    });
  }
});
