// The host page's script for nostr-comments 0.6.0 (npm), a React component:
// bundled with React 18 by esbuild (scripts/bench-peers.sh) into a static
// page, as a site without a React build of its own would have to. The page
// says which thread and relay in its <div id="nostr-comments">.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { NostrComments } from 'nostr-comments';

const mount = document.getElementById('nostr-comments');
createRoot(mount).render(createElement(NostrComments, {
  url: mount.dataset.url,
  relays: mount.dataset.relays.split(' '),
  locale: 'en',
  theme: 'light',
  // The benchmark's comments carry no proof of work; the default (18 bits) hides them.
  pow: 0,
}));
