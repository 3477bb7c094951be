const { startEmulator } = require('/work/main/out/src/emulator');
const fetch = require('/work/main/node_modules/node-fetch');
(async () => {
  const emu = await startEmulator({ port: 0 });
  emu.control.setFaults({ applyThenReset: 1 });
  const t = Date.now();
  try {
    const res = await fetch(`${emu.url}/api/account/12345678/configuration/le-agents/status-reasons?v=1.0`, { method: 'POST', headers: { Authorization: 'Bearer demo-bearer-token', 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'Zed', state: 'Away', enabled: true, deleted: false }) });
    console.log('status', res.status, res.headers.get('content-length'));
    const txt = await res.text(); console.log('text', txt.length);
  } catch (e) { console.log('err', e.code, e.type, e.message, Date.now() - t); }
  await emu.close();
})();
