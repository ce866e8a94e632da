// The phone-like profile every page of the benchmark is also loaded on
// (bench/run.mjs, bench/peers.mjs): Chromium's network emulation and CPU
// slowdown, set through the DevTools protocol.

/** A phone on a slow network. */
export const PHONE = { downKbps: 1_600, upKbps: 750, rttMs: 150, cpuSlowdown: 4 };

/** Puts `tab` (a page of `context`) on the phone profile. */
export async function emulatePhone(context, tab) {
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: PHONE.rttMs,
    downloadThroughput: (PHONE.downKbps * 1000) / 8, uploadThroughput: (PHONE.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
}
