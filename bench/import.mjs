// The import's measurement: a generated Disqus export of 60 MB (2,000
// threads, 100,000 posts) imported by the release-built native
// `agora-import` under /usr/bin/time -v, which reports the wall-clock
// seconds and the peak resident memory. Quick mode: a 2 MB export (100
// threads, 3,500 posts) and the debug build.
//
//   node bench/import.mjs [--quick]   on its own: prints one line
//   bench/run.mjs calls measureImport() and adds the line to its table
//
// The export is written to ~/.cache/agora/ once per size (its name says
// which) and kept between runs; the import's output goes to a temporary
// folder, removed afterwards. It reports; it never fails on a timing.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const FULL = { threads: 2_000, posts: 100_000 };
const QUICK = { threads: 100, posts: 3_500 };

/** One post's HTML: a realistic mix of paragraphs, marks, links and entities. */
function message(i) {
  const parts = [
    `<p>Comment ${i}: I read this twice &amp; still think the <b>second point</b> matters.</p>`,
    i % 3 === 0 ? `<p>See <a href="https://example.org/source/${i}" rel="nofollow">the source</a> &#8212; it agrees.</p>` : '',
    i % 5 === 0 ? '<blockquote>The call lasted two hours.</blockquote>' : '',
    i % 7 === 0 ? '<ul><li>one</li><li>two</li></ul>' : '',
  ];
  return parts.join('');
}

/** Writes a Disqus export of `threads` threads and `posts` posts to `path`. */
async function writeExport(path, { threads, posts }) {
  const out = createWriteStream(path);
  const write = (text) => (out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', resolve)));
  await write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n');
  for (let t = 0; t < threads; t++) {
    await write(`  <thread dsq:id="${1_000_000 + t}">\n    <id>post-${t}</id>\n    <forum>bench</forum>\n    <link>https://news.example/2024/story-${t}/</link>\n    <title>Story number ${t} &amp; its discussion</title>\n    <message />\n    <createdAt>2024-01-01T00:00:00Z</createdAt>\n    <author><email>editor@news.example</email><name>Editor</name><isAnonymous>false</isAnonymous><username>editor</username></author>\n    <ipAddress>203.0.113.1</ipAddress>\n    <isClosed>false</isClosed>\n    <isDeleted>false</isDeleted>\n  </thread>\n`);
  }
  let batch = '';
  for (let p = 0; p < posts; p++) {
    const thread = p % threads;
    // Every third post answers the post of its thread one round before.
    const parent = p >= threads && p % 3 === 0 ? `\n    <parent dsq:id="${2_000_000 + p - threads}" />` : '';
    const seconds = p * 7;
    const date = new Date(Date.UTC(2024, 0, 1) + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    batch += `  <post dsq:id="${2_000_000 + p}">\n    <id />\n    <message><![CDATA[${message(p)}]]></message>\n    <createdAt>${date}</createdAt>\n    <isDeleted>${p % 97 === 0}</isDeleted>\n    <isSpam>${p % 89 === 0}</isSpam>\n    <author>\n      <email>reader${p % 500}@mail.example</email>\n      <name>Reader ${p % 500}</name>\n      <isAnonymous>false</isAnonymous>\n      <username>reader${p % 500}</username>\n    </author>\n    <ipAddress>198.51.100.${p % 250}</ipAddress>\n    <thread dsq:id="${1_000_000 + thread}" />${parent}\n  </post>\n`;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(`${batch}</disqus>\n`);
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

/**
 * The binary, built here if needed (cargo builds only what changed): the
 * release build for the full run; in quick mode the debug build that
 * `cargo test` has made already, so that the test command does not wait for
 * a second, optimised build of the crate.
 */
function binary(profile) {
  // The host's own toolchain, as for the build's other native programs (scripts/native-run.sh).
  const env = { ...process.env };
  for (const name of ['RUSTUP_TOOLCHAIN', 'CARGO_UNSTABLE_BUILD_STD', 'RUSTFLAGS', 'CARGO_ENCODED_RUSTFLAGS']) delete env[name];
  const args = ['build', '--quiet', '--locked', '--bin', 'agora-import', ...(profile === 'release' ? ['--release'] : [])];
  execFileSync('cargo', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  const target = env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/agora/target');
  return join(target, profile, 'agora-import');
}

/** Imports the generated export once; returns what it measured and a line for the benchmark's table. */
export async function measureImport({ quick = false } = {}) {
  const size = quick ? QUICK : FULL;
  const cache = join(homedir(), '.cache/agora');
  mkdirSync(cache, { recursive: true });
  const exportPath = join(cache, `bench-disqus-${size.threads}-${size.posts}.xml`);
  if (!existsSync(exportPath)) {
    const partial = `${exportPath}.partial`;
    await writeExport(partial, size);
    renameSync(partial, exportPath);
  }
  const bytes = statSync(exportPath).size;
  const profile = quick ? 'debug' : 'release';
  const program = binary(profile);
  const scratch = mkdtempSync(join(tmpdir(), 'agora-import-bench-'));
  try {
    const out = join(scratch, 'comments');
    const run = spawnSync('/usr/bin/time', ['-v', program, exportPath, out], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`agora-import failed (${run.status}):\n${run.stderr}`);
    const field = (label) => run.stderr.split('\n').find((line) => line.trim().startsWith(label))?.split(': ').pop()?.trim();
    // "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23"
    const clock = field('Elapsed (wall clock) time')?.split(':').map(Number) ?? [NaN];
    const seconds = clock.reduce((total, part) => total * 60 + part, 0);
    const peakMb = Number(field('Maximum resident set size')) / 1024;
    const comments = Number(/comments written: (\d+)/.exec(run.stdout)?.[1]);
    const threads = readdirSync(out).length;
    const line = `Importing a Disqus export of ${(bytes / 1e6).toFixed(1)} MB (${size.threads.toLocaleString('en')} threads, ${size.posts.toLocaleString('en')} posts) with the ${profile}-built \`agora-import\`: ${seconds.toFixed(2)} s, peak memory ${peakMb.toFixed(0)} MB; ${threads.toLocaleString('en')} article files, ${comments.toLocaleString('en')} comments written.`;
    return { bytes, seconds, peakMb, threads, comments, line };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await measureImport({ quick: process.argv.includes('--quick') });
  console.log(result.line);
}
