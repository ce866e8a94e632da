// Starts the standalone page (index.html, relays.html): loads the
// WebAssembly and mounts the widget. A file rather than Trunk's inline
// loader, so that the page runs under a Content-Security-Policy without
// 'unsafe-inline'.
//
// Two builds: the usual one, and the one with the shared discussion on Nostr
// relays (agora-relays), which only pages with relays load: relays.html,
// `?relays=`, or an article whose JSON names relays (then the usual build
// hands over to it).
const relaysAsked = document.documentElement.dataset.build === 'relays' || new URLSearchParams(location.search).has('relays');

// Inside an iframe: tell the embedding page our height whenever it changes,
// so that it can size the iframe with no inner scrollbar and nothing clipped;
// from the start, as the first screen is there before the app. The height is
// not secret, so any parent may read it ('*'); the parent checks that the
// message comes from this frame.
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

let widget = null;
async function mount(name) {
  const glue = await import(`./${name}.js`);
  await glue.default({ module_or_path: new URL(`./${name}_bg.wasm`, import.meta.url) });
  // The usual build calls handOver while it renders, when the article names relays.
  widget = glue.mountStandalone(name === 'agora' ? handOver : undefined);
  takeOver(document.querySelector('[data-first-screen]'));
}

// The first screen (the built-in article and its comments, written into
// index.html at build time) gives way to the app, which has just rendered
// the same markup after it. Both happen in this task, before the next
// paint, so nothing flashes or moves; focus stays on the same control.
function takeOver(firstScreen) {
  if (!firstScreen) return;
  const app = document.querySelector('body > .agora:not([data-first-screen])');
  const focused = document.activeElement;
  const path = [];
  for (let node = focused; app && node !== firstScreen && firstScreen.contains(node); node = node.parentElement) {
    path.unshift([...node.parentElement.children].indexOf(node));
  }
  firstScreen.remove();
  if (path.length === 0) return;
  const same = path.reduce((node, index) => node?.children[index], app);
  // Only the same control: same element, same name.
  if (same?.tagName === focused.tagName && same.getAttribute('aria-label') === focused.getAttribute('aria-label')) {
    same.focus({ preventScroll: true });
  }
}

// Switches to the relay build after the usual build's render.
const handOver = () => setTimeout(() => {
  widget.unmount();
  widget.free();
  mount('agora-relays');
});

try {
  await mount(relaysAsked ? 'agora-relays' : 'agora');
} catch (error) {
  // No WebAssembly here (or it failed to load): what the first screen shows
  // stays readable, without the buttons that would do nothing.
  document.documentElement.classList.add('agora-no-app');
  throw error;
}
