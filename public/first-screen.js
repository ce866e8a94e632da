// Decides, before the first paint, whether the standalone page shows its
// first screen (the built-in article and its comments, written into
// index.html at build time by src/prerender/first_screen.rs). A classic script in the
// page's head, loaded from the page's own origin: it blocks the parser until
// it has run, so it runs before the body is painted, and a strict
// Content-Security-Policy (`script-src 'self'`) allows it without a hash.
//
// It adds the class `agora-first-screen` to <html>, which shows the first
// screen, only where the app will render the same: the built-in article in
// its own thread, the first screen's language and theme, and nothing stored
// for the thread that would change it. It hides it for
// - another article (`?src=`), the site's own text (`?strings=`), or relays
//   (`?relays=`, `?moderators=`, `?pow=`, whose problems the app would
//   report above the thread);
// - another thread (`?thread=`), a theme other than `auto` (empty values are
//   none, as `Config::from_settings` reads them; values it would trim to the
//   built-in ones hide it too, which is only more careful);
// - another language: chosen as `Lang::negotiate` does (`?lang=`, then the
//   browser's languages, by primary subtag); a `?lang=` that is not plain
//   ASCII letters, digits, `-` and `_` hides it too;
// - a stored sort other than the default, any stored entry of the thread but
//   the composer's draft (the composer comes with the app) and the reader's
//   last visit (the article's own comments are never new), and storage the
//   page cannot use (the app would say so above the thread).
// Otherwise, where the page then names no article, it gets its generic title
// back. What it compares with comes from Rust, in the
// <meta name="agora-first-screen"> written before this script. Where the
// script does not run, the first screen stays hidden and the page works as
// it would without one.
(() => {
  const m = document.querySelector('meta[name=agora-first-screen]')?.dataset ?? {};
  const q = new URLSearchParams(location.search);
  const g = (n) => q.get(n) ?? '';
  const same = () => {
    try {
      const l = m.langs.split(' ');
      if (['src', 'strings', 'relays', 'moderators', 'pow'].some((n) => q.has(n))
        || ![null, '', 'auto'].includes(q.get('theme'))
        || ![null, '', m.thread].includes(q.get('thread'))
        || !/^[\w-]*$/.test(g('lang'))) return false;
      const chosen = [g('lang'), ...navigator.languages].map((x) => x.split(/[-_]/)[0].toLowerCase()).find((x) => l.includes(x));
      if ((chosen ?? l[0]) !== l[0]) return false;
      const s = localStorage;
      if (![null, m.sort].includes(s.getItem(m.sortKey))) return false;
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k.startsWith(m.keys) && k !== m.draft && k !== m.visit) return false;
      }
      return true;
    } catch {
      return false;
    }
  };
  if (same()) document.documentElement.classList.add('agora-first-screen');
  else if (m.title) document.title = m.title;
})();
