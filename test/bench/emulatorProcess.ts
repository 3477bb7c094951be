// The benches' emulator: in a child process (so its work does not share the client's event loop),
// on a random loopback port; resolves its URL once it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export function startEmulatorProcess(agents: number): Promise<{ url: string; child: ChildProcess }> {
  const index = path.resolve(__dirname, '../../src/emulator/index.js');
  const script = `require(${JSON.stringify(index)}).startEmulator({ port: 0, agents: ${agents}, seed: 1 }).then(e => console.log('URL ' + e.url))`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /URL (\S+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited (${code})`)));
  });
}
