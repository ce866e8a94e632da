// Checks the links of the built book and of README.md, without a network:
// every relative link or image of the book's HTML must point at a file of the
// build, and every #fragment at an id of the page it names; every relative
// link or image of README.md must point at a file of the repository (and a
// fragment of a link into docs/src/*.md at an id of the built page).
// Links to other sites (http, https, mailto …) are not followed.
//
//   node scripts/check-book-links.mjs <built book directory>   (scripts/test.sh runs it)
//
// Exits 1 and lists every broken link.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const book = process.argv[2];
if (!book || !existsSync(join(book, 'index.html'))) {
  console.error('check-book-links: give the built book directory (mdbook build docs -d <dir>)');
  process.exit(2);
}

/** Links that leave the book: a scheme (https:, mailto:, data: …) or a protocol-relative address. */
const external = (url) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const unescape = (text) => text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name) => entities[name]);

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? htmlFiles(path) : entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The ids (and names) of a page's elements, read once per page. */
const idsOf = new Map();
function ids(file) {
  if (!idsOf.has(file)) {
    const html = readFileSync(file, 'utf8');
    idsOf.set(file, new Set([...html.matchAll(/<[a-z][^>]*?\s(?:id|name)\s*=\s*"([^"]*)"/gi)].map((m) => unescape(m[1]))));
  }
  return idsOf.get(file);
}

/** Percent-decoding that leaves a malformed escape as it is (the file is then missing). */
const decode = (text) => { try { return decodeURIComponent(text); } catch { return text; } };

/**
 * The file a relative URL names, from the directory `base`, and its fragment.
 * A path from the root (`/…`) starts at `root`: the book is served from its own root.
 */
function target(root, base, from, url) {
  const [withoutFragment, fragment = ''] = url.split('#', 2);
  const path = decode(withoutFragment.split('?')[0]);
  let file = path === '' ? from : path.startsWith('/') ? join(root, path) : resolve(base, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return { file, fragment: decode(fragment) };
}

const problems = [];
let checked = 0;

// The built book: href and src of real tags (text in code blocks is escaped, so it is no tag).
for (const page of htmlFiles(book)) {
  const html = readFileSync(page, 'utf8');
  // mdBook's 404 page names its base (the site's root, `/`), as it is served from any path.
  const declared = html.match(/<base\s[^>]*href\s*=\s*"([^"]*)"/i)?.[1];
  const base = declared === undefined ? dirname(page) : resolve(declared.startsWith('/') ? join(book, declared) : join(dirname(page), declared));
  for (const tag of html.matchAll(/<[a-z][a-z0-9-]*\s[^>]*>/gi)) {
    for (const attribute of tag[0].matchAll(/\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      const url = unescape(attribute[2] ?? attribute[3]);
      if (url === '' || url === '#' || external(url)) continue;
      checked += 1;
      const { file, fragment } = target(book, base, page, url);
      const where = relative(book, page);
      if (!existsSync(file)) problems.push(`${where}: ${url}: no such file`);
      else if (fragment && file.endsWith('.html') && !ids(file).has(fragment)) problems.push(`${where}: ${url}: no id "${fragment}"`);
    }
  }
}

// README.md: [text](path) and ![alt](path), outside code.
const readme = readFileSync('README.md', 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
for (const link of readme.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
  const url = link[1];
  if (external(url) || url.startsWith('#')) continue;
  checked += 1;
  const { file, fragment } = target(process.cwd(), process.cwd(), 'README.md', url);
  if (!existsSync(file)) {
    problems.push(`README.md: ${url}: no such file`);
  } else if (fragment) {
    // A chapter's headings become ids only in the built book: look there.
    const chapter = relative(resolve('docs/src'), file);
    const built = join(book, chapter.replace(/\.md$/, '.html'));
    if (chapter.startsWith('..') || !chapter.endsWith('.md') || !existsSync(built)) problems.push(`README.md: ${url}: a fragment outside the book cannot be checked`);
    else if (!ids(built).has(fragment)) problems.push(`README.md: ${url}: no id "${fragment}"`);
  }
}

if (problems.length > 0) {
  console.error(`check-book-links: ${problems.length} broken link${problems.length === 1 ? '' : 's'} of ${checked}:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`check-book-links: ${checked} relative links of the book and README.md, none broken`);
