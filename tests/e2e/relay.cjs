// A real Nostr relay for the shared-discussion tests and the benchmark: PyPI
// nostr-relay (installed by scripts/setup.sh --test into $AGORA_RELAY_VENV),
// on a free loopback port, with its own database, started and stopped by
// whoever uses it. CommonJS, so that both the TypeScript tests and the
// benchmark (an ES module) can load it.
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

class TestRelay {
  #process = null;

  constructor(port, dir) {
    this.port = port;
    this.dir = dir;
  }

  get url() {
    return `ws://127.0.0.1:${this.port}`;
  }

  /**
   * `pow`: the proof of work (bits) the relay requires of every event.
   * `trusting`: store events without checking their signatures, as a hostile
   * or broken relay would serve them.
   */
  static async start(options = {}) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'agora-relay-'));
    const validators = ['nostr_relay.validators.is_not_too_large'];
    if (!options.trusting) validators.unshift('nostr_relay.validators.is_signed');
    if (options.pow) validators.push('nostr_relay.validators.is_pow');
    writeFileSync(join(dir, 'config.yaml'), [
      'relay_name: agora test relay',
      'storage:',
      `  sqlalchemy.url: sqlite+aiosqlite:///${join(dir, 'nostr.sqlite3')}`,
      '  validators:',
      ...validators.map((v) => `    - ${v}`),
      'verification:',
      '  nip05_verification: disabled',
      'gunicorn:',
      `  bind: 127.0.0.1:${port}`,
      '  workers: 1',
      '  loglevel: warning',
      'authentication:',
      '  enabled: false',
      // The default (4,096 characters) is under a comment's 5,000; 2 MB lets the hostile 1 MB event in.
      'max_event_size: 2000000',
      'subscription_limit: 64',
      'max_limit: 10000',
      'message_timeout: 1800',
      ...(options.pow ? [`require_pow: ${options.pow}`] : []),
      '',
    ].join('\n'));
    const relay = new TestRelay(port, dir);
    await relay.resume();
    return relay;
  }

  /** Starts the relay (again), on the same port and database. */
  async resume() {
    const venv = process.env.AGORA_RELAY_VENV ?? join(process.env.HOME ?? '', '.cache/agora/relay-venv');
    const child = spawn(join(venv, 'bin/nostr-relay'), ['-c', join(this.dir, 'config.yaml'), 'serve'], {
      cwd: this.dir,
      detached: true,
      stdio: 'ignore',
    });
    this.#process = child;
    const started = new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', resolve);
    });
    await started;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the test relay exited (${child.exitCode})`);
      try {
        const answer = await fetch(`http://127.0.0.1:${this.port}/`, { headers: { Accept: 'application/nostr+json' } });
        if (answer.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the test relay did not start within 30 s on port ${this.port}`);
  }

  /** Stops the relay; its database stays for `resume`. */
  async pause() {
    const child = this.#process;
    this.#process = null;
    if (!child || child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }

  async stop() {
    await this.pause();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

module.exports = { TestRelay };
