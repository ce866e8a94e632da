import { execFileSync } from 'node:child_process';

// Builds agora-render once before any test, as renderElement (helpers.ts)
// runs it: with `cargo run`, a test that renders would otherwise wait for
// this build within its own timeout whenever the source has changed (and a
// `cargo test` build does not count: dev-dependencies change its features).
export default function globalSetup() {
  execFileSync('cargo', ['build', '--quiet', '--features', 'relays', '--bin', 'agora-render'], { stdio: 'inherit' });
}
