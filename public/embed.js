// <agora-thread>: the agora discussion on any page, with two lines:
//
//   <script type="module" src="https://ASSETS/embed.js"></script>
//   <agora-thread thread="my-post" src="/articles/my-post.json"></agora-thread>
//
// Attributes: thread (storage namespace; default: the article's id), src (an
// article JSON; default: the built-in article), theme (light, dark or auto),
// lang, relays (Nostr relays that share the discussion), moderators, pow,
// moderation ("approve": comments show once a moderator approved their author),
// url (the thread's shared identity), mode="iframe" to render inside an
// auto-sizing iframe instead of a shadow root, and loading="lazy" to load
// nothing more until the element is about a viewport away from being seen. Everything else (the
// WebAssembly, its glue, the styles) loads relative to this file, so the
// assets may live on another origin. Only elements with relays (or whose
// article names some) load the build that has the relay layer.
//
// <agora-count> shows how many comments a thread has, in the words of the
// thread's heading ("12 Comments"), as its own text, for listing pages:
//
//   <a href="/my-post"><agora-count thread="my-post" src="/articles/my-post.json"></agora-count></a>
//
// It takes the thread's attributes that say which thread it is and how it
// is shared (thread, src, lang, relays, moderators, moderation, url). Its code
// (count.js) is loaded only by pages that have one.
//
// An element written by `agora-render` (docs/src/site-owners/prerendering.md)
// already has its article and comments in a declarative shadow root, painted
// before any script: the widget renders hidden beside them and takes their
// place once it shows the same thread (#adoptWhenShown).

const assets = new URL('./', import.meta.url);
const asset = (name) => new URL(name, assets).href;

// The two builds, by name: `agora`, and `agora-relays` with the relay layer.
// The WebAssembly is asked for beside its glue, not once the glue has
// arrived and run (a round trip sooner on a slow connection); the glue
// compiles it as it streams in.
const builds = {};
const loadGlue = (name) => (builds[name] ??= (() => {
  const wasm = fetch(asset(`${name}_bg.wasm`));
  wasm.catch(() => {}); // A failure is reported through the glue's own promise.
  return import(asset(`${name}.js`)).then(async (module) => {
    await module.default({ module_or_path: wasm });
    return module;
  });
})());

// The thread's shared identity on the host page: its canonical link, else
// its address, without query and fragment.
const pageUrl = () => (document.querySelector('link[rel~=canonical][href]')?.href ?? location.href).split(/[?#]/)[0];

class AgoraThread extends HTMLElement {
  static observedAttributes = ['thread', 'src', 'theme', 'lang', 'strings', 'mode', 'relays', 'moderators', 'pow', 'url', 'moderation', 'loading'];

  #widget = null;
  #stopFrame = null;
  // Increases on every render and removal, so a slow load never mounts a
  // widget for settings that have changed since or an element that is gone.
  #generation = 0;
  #renderQueued = false;
  // The article asked for relays: render with the relay build from now on.
  #relaysAsked = false;
  // loading="lazy": the element has come near the viewport (then it stays loaded).
  #near = false;
  #stopWatching = null;
  // Prerendered content (`agora-render`: a declarative shadow root the
  // browser painted before any script), shown until the app shows the same
  // thread; then the app takes its place (#adoptWhenShown).
  #prerendered = null;
  // Post was pressed on the prerendered composer: post once the app is in.
  #postAsked = false;

  constructor() {
    super();
    this.#prerendered = [...(this.shadowRoot?.children ?? [])].find((node) => node.matches('.agora[data-first-screen]')) ?? null;
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    // Its form would reload the host page: the post waits for the app instead.
    this.shadowRoot.addEventListener('submit', (event) => {
      if (!this.#prerendered?.contains(event.target)) return;
      event.preventDefault();
      this.#postAsked = true;
    }, true);
  }

  connectedCallback() {
    this.#queueRender();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#queueRender();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#stopWatching?.();
    this.#teardown();
  }

  // Several attributes set in one go cause one render.
  #queueRender() {
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      if (this.isConnected) this.#renderWhenNear();
    });
  }

  // loading="lazy" waits until the element is within about one viewport of
  // being seen, or the address names one of the thread's comments (then the
  // reader wants it at once); everything else renders now.
  #renderWhenNear() {
    const permalink = () => location.hash.startsWith('#comment-');
    if (this.#near || this.getAttribute('loading') !== 'lazy' || permalink()) {
      this.#stopWatching?.();
      this.#render();
      return;
    }
    if (this.#stopWatching) return;
    const load = () => {
      this.#near = true;
      this.#queueRender();
    };
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) load();
    }, { rootMargin: '100% 0px' });
    const onHash = () => { if (permalink()) load(); };
    observer.observe(this);
    window.addEventListener('hashchange', onHash);
    this.#stopWatching = () => {
      observer.disconnect();
      window.removeEventListener('hashchange', onHash);
      this.#stopWatching = null;
    };
  }

  // The element's own attributes (its `lang` too: otherwise ?lang= and the
  // reader's browser languages decide), `src` relative to the host page,
  // where the site owner wrote it.
  #settings() {
    const settings = {};
    for (const name of AgoraThread.observedAttributes) {
      if (name !== 'mode') settings[name] = this.getAttribute(name) ?? undefined;
    }
    if (settings.src) settings.src = new URL(settings.src, document.baseURI).href;
    if (settings.strings) settings.strings = new URL(settings.strings, document.baseURI).href;
    return settings;
  }

  async #render() {
    const generation = ++this.#generation;
    this.#teardown();
    const styles = document.createElement('link');
    styles.rel = 'stylesheet';
    styles.href = asset('agora.css');
    const stylesLoaded = new Promise((resolve) => {
      styles.onload = styles.onerror = resolve;
    });
    if (this.getAttribute('mode') === 'iframe') {
      this.#prerendered = null;
      this.shadowRoot.replaceChildren(styles);
      this.#renderFrame();
      return;
    }
    const container = document.createElement('div');
    const prerendered = this.#prerendered;
    let stylesReady = stylesLoaded;
    if (prerendered) {
      // Beside the prerendered content, with its styles, until it shows the
      // same. Styles written for other assets (an older copy of agora) give
      // way to this one's once they have arrived.
      container.hidden = true;
      const links = [...this.shadowRoot.querySelectorAll('link[rel=stylesheet]')];
      if (links.some((link) => link.href === styles.href)) stylesReady = Promise.resolve();
      else this.shadowRoot.append(styles);
      this.shadowRoot.append(container);
    } else {
      this.shadowRoot.replaceChildren(styles, container);
    }
    // The article is asked for beside the WebAssembly, not after it: the
    // widget takes this answer (a failure reads as unreachable, as its own
    // request would).
    const settings = this.#settings();
    const articleResponse = settings.src ? fetch(settings.src).catch(() => null) : undefined;
    try {
      const relays = this.#relaysAsked || this.getAttribute('relays');
      const [module] = await Promise.all([loadGlue(relays ? 'agora-relays' : 'agora'), stylesReady]);
      if (generation === this.#generation) {
        // Called by the usual build while it renders: hand over after that render.
        const onRelays = () => setTimeout(() => {
          this.#relaysAsked = true;
          if (generation === this.#generation) this.#queueRender();
        });
        this.#widget = module.mountWidget(container, { ...settings, articleResponse, assets: assets.href, onRelays: relays ? undefined : onRelays, prerendered: Boolean(prerendered) });
        if (prerendered) this.#adoptWhenShown(container, generation);
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.className = 'agora-load-error';
      message.textContent = `The discussion could not be loaded from ${assets.href} (${error?.message ?? error}).`;
      container.replaceChildren(message);
      // Above what was prerendered, which stays readable.
      if (prerendered) {
        container.hidden = false;
        this.shadowRoot.insertBefore(container, prerendered);
      }
    }
  }

  // The app renders hidden beside the prerendered content; once it shows the
  // article and thread, with every relay's answer where it is shared, it
  // takes the prerendered content's place in the same task, before the next
  // paint: the same markup, so nothing flashes or moves. What the reader
  // typed into the prerendered composer and where their cursor was come
  // along. An app that can only say why it cannot show the thread (the
  // article could not be had) says so above the prerendered content, which
  // stays, with what the reader typed.
  #adoptWhenShown(container, generation) {
    const composer = (root) => root?.querySelector('.agora-discussion > .agora-composer');
    const shown = () => container.querySelector('.agora')
      && !container.querySelector('.agora-loading, [aria-busy=true]');
    const adopt = () => {
      const old = this.#prerendered;
      const to = composer(container);
      container.hidden = false;
      if (!old) return;
      if (!to) {
        this.shadowRoot.insertBefore(container, old);
        this.#postAsked = false;
        return;
      }
      this.#prerendered = null;
      const focused = this.shadowRoot.activeElement;
      let refocus = null;
      let merged = false;
      for (const field of composer(old)?.querySelectorAll('input[name], textarea[name]') ?? []) {
        const same = to.querySelector(`${field.localName}[name="${field.name}"]`);
        if (!same) continue;
        let offset = 0;
        if (field.value && field.value !== same.value) {
          // A draft the app brought back stays, the new words after it.
          const kept = field.localName === 'textarea' && same.value ? `${same.value}\n\n` : '';
          merged ||= kept !== '';
          offset = kept.length;
          same.value = kept + field.value;
          same.dispatchEvent(new Event('input', { bubbles: true }));
        }
        if (field === focused) refocus = [same, offset + field.selectionStart, offset + field.selectionEnd, field.selectionDirection];
      }
      // The same control keeps focus (before the old one goes, so that it never falls to the page).
      if (refocus) {
        const [field, start, end, direction] = refocus;
        field.focus({ preventScroll: true });
        field.setSelectionRange(start, end, direction);
      }
      old.remove();
      // A permalink: the browser could not scroll to it in the shadow root, nor the app while hidden.
      if (location.hash.startsWith('#comment-')) {
        let id = null;
        try { id = decodeURIComponent(location.hash.slice(1)); } catch { /* not an id */ }
        if (id) this.shadowRoot.getElementById(id)?.scrollIntoView();
      }
      // Posted as asked, unless a draft brought back joined the words: the reader sees them first.
      if (this.#postAsked && !merged) to.requestSubmit();
      this.#postAsked = false;
    };
    // Checked before every frame is painted (the app renders in tasks of its
    // own), so the swap is always made before a frame could show either.
    const check = () => {
      if (generation !== this.#generation) return;
      if (shown()) adopt();
      else requestAnimationFrame(check);
    };
    check();
  }

  #renderFrame() {
    const url = new URL(this.getAttribute('relays') ? 'relays.html' : 'index.html', assets);
    // The frame cannot see this page: it is told the thread's shared identity.
    const settings = this.#settings();
    settings.url ??= pageUrl();
    for (const [name, value] of Object.entries(settings)) {
      if (value) url.searchParams.set(name, value);
    }
    const frame = document.createElement('iframe');
    frame.className = 'agora-frame';
    if (this.getAttribute('loading') === 'lazy') frame.loading = 'lazy';
    frame.title = this.getAttribute('title') || 'Discussion';
    frame.src = url.href;
    // Only height messages from this frame, served from the assets' origin.
    const onMessage = (event) => {
      if (event.source !== frame.contentWindow || event.origin !== assets.origin) return;
      const { type, height } = event.data ?? {};
      if (type === 'agora:resize' && Number.isFinite(height) && height >= 0) {
        frame.style.height = `${Math.ceil(height)}px`;
      }
    };
    window.addEventListener('message', onMessage);
    this.#stopFrame = () => window.removeEventListener('message', onMessage);
    this.shadowRoot.append(frame);
  }

  #teardown() {
    if (this.#widget) {
      this.#widget.unmount();
      this.#widget.free();
      this.#widget = null;
    }
    this.#stopFrame?.();
    this.#stopFrame = null;
    // Prerendered content stays until the app takes its place, and so do its
    // styles, untouched: a stylesheet moved or added again loads anew, and
    // meanwhile the content would show unstyled.
    const kept = (node) => this.#prerendered && (node === this.#prerendered || node.matches?.('link[rel=stylesheet]'));
    for (const node of [...this.shadowRoot.childNodes]) if (!kept(node)) node.remove();
  }
}

if (!customElements.get('agora-thread')) {
  customElements.define('agora-thread', AgoraThread);
}

// Light DOM (only its text), so that the host page's CSS styles it. A count
// that cannot be had stays empty; nothing is thrown into the host page.
const counting = () => (builds.count ??= import(asset('count.js')));

class AgoraCount extends HTMLElement {
  static observedAttributes = ['thread', 'src', 'lang', 'relays', 'moderators', 'moderation', 'url'];

  connectedCallback() {
    counting().then((count) => count.watch(this), () => {});
  }

  attributeChangedCallback() {
    if (this.isConnected) this.connectedCallback();
  }

  disconnectedCallback() {
    counting().then((count) => count.unwatch(this), () => {});
  }
}

if (!customElements.get('agora-count')) {
  customElements.define('agora-count', AgoraCount);
}
