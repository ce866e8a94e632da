// Starts the standalone page (index.html): loads the WebAssembly and mounts
// the widget. A file rather than Trunk's inline loader, so that the page runs
// under a Content-Security-Policy without 'unsafe-inline'.
import init, { mountStandalone } from './agora.js';

await init({ module_or_path: new URL('./agora_bg.wasm', import.meta.url) });
mountStandalone();

// Inside an iframe: tell the embedding page our height whenever it changes,
// so that it can size the iframe with no inner scrollbar and nothing clipped.
// The height is not secret, so any parent may read it ('*'); the parent
// checks that the message comes from this frame.
if (window.parent !== window) {
  let reported = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== reported) {
      reported = height;
      window.parent.postMessage({ type: 'agora:resize', height }, '*');
    }
  }).observe(document.body);
}
