// <agora-thread>: the agora discussion on any page, with two lines:
//
//   <script type="module" src="https://ASSETS/embed.js"></script>
//   <agora-thread thread="my-post" src="/articles/my-post.json"></agora-thread>
//
// Attributes: thread (storage namespace; default: the article's id), src (an
// article JSON; default: the built-in article), theme (light, dark or auto),
// lang, and mode="iframe" to render inside an auto-sizing iframe instead of a
// shadow root. Everything else (the WebAssembly, its glue, the styles) loads
// relative to this file, so the assets may live on another origin.

const assets = new URL('./', import.meta.url);
const asset = (name) => new URL(name, assets).href;

let glue;
function loadGlue() {
  glue ??= import(asset('agora.js')).then(async (module) => {
    await module.default({ module_or_path: asset('agora_bg.wasm') });
    return module;
  });
  return glue;
}

class AgoraThread extends HTMLElement {
  static observedAttributes = ['thread', 'src', 'theme', 'lang', 'mode'];

  #widget = null;
  #stopFrame = null;
  // Increases on every render and removal, so a slow load never mounts a
  // widget for settings that have changed since or an element that is gone.
  #generation = 0;
  #renderQueued = false;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    this.#queueRender();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#queueRender();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#teardown();
  }

  // Several attributes set in one go cause one render.
  #queueRender() {
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      if (this.isConnected) this.#render();
    });
  }

  #settings() {
    const value = (name) => this.getAttribute(name) ?? undefined;
    const src = value('src');
    return {
      thread: value('thread'),
      // Relative to the host page, where the site owner wrote it.
      src: src ? new URL(src, document.baseURI).href : undefined,
      theme: value('theme'),
      // Only the element's own: otherwise ?lang= and the reader's browser languages decide.
      lang: value('lang'),
    };
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
      this.shadowRoot.replaceChildren(styles);
      this.#renderFrame();
      return;
    }
    const container = document.createElement('div');
    this.shadowRoot.replaceChildren(styles, container);
    try {
      const [module] = await Promise.all([loadGlue(), stylesLoaded]);
      if (generation === this.#generation) {
        this.#widget = module.mountWidget(container, this.#settings());
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.className = 'agora-load-error';
      message.textContent = `The discussion could not be loaded from ${assets.href} (${error?.message ?? error}).`;
      container.replaceChildren(message);
    }
  }

  #renderFrame() {
    const url = new URL('index.html', assets);
    for (const [name, value] of Object.entries(this.#settings())) {
      if (value) url.searchParams.set(name, value);
    }
    const frame = document.createElement('iframe');
    frame.className = 'agora-frame';
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
    this.shadowRoot.replaceChildren();
  }
}

if (!customElements.get('agora-thread')) {
  customElements.define('agora-thread', AgoraThread);
}
