// A WebSocket pass-through in front of a real relay (tests/e2e/relay.cjs)
// that keeps the limits relays people run keep, which the test relay does
// not: at most 500 events per filter (strfry's default maxFilterLimit) and at
// most 32 open subscriptions per connection (nostr-rs-relay's default). Also a
// relay that never answers and one that refuses every subscription. Counts
// what the client asked, so that tests and the benchmark can report it.
// CommonJS, like relay.cjs, for both the TypeScript tests and bench/run.mjs.
const { createServer } = require('node:http');
const { WebSocket, WebSocketServer } = require('ws');

/** A NIP-01 message as an array; anything else as an empty one (passed on as it came). */
function parse(text) {
  try {
    const message = JSON.parse(text);
    return Array.isArray(message) ? message : [];
  } catch {
    return [];
  }
}

/** Per-connection counters; `open` holds the subscription ids open now. */
const counters = () => ({ reqs: 0, closes: 0, closed: 0, refused: 0, maxOpen: 0, open: new Set() });

class CappingProxy {
  /**
   * `mode`: 'cap' (default), 'silent' (accepts the socket, never answers) or
   * 'close-all' (refuses every REQ with CLOSED, passes EVENTs through).
   * `maxLimit` (500), `maxSubs` (32): the relay's limits. `finishHint`: add
   * "finish" to an EOSE when no filter of the REQ reached its limit.
   * `nip11`: the NIP-11 document served over HTTP, or null for a 404.
   */
  static async start(upstreamUrl, options = {}) {
    const proxy = new CappingProxy(upstreamUrl, options);
    await new Promise((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(0, '127.0.0.1', resolve);
    });
    return proxy;
  }

  constructor(upstreamUrl, options) {
    this.upstreamUrl = upstreamUrl;
    this.mode = options.mode ?? 'cap';
    this.maxLimit = options.maxLimit ?? 500;
    this.maxSubs = options.maxSubs ?? 32;
    this.finishHint = options.finishHint ?? false;
    this.nip11 = options.nip11 !== undefined ? options.nip11
      : { name: 'capping proxy', limitation: { max_limit: this.maxLimit, max_subscriptions: this.maxSubs } };
    this.perConnection = [];
    this.sockets = new Set();
    this.maxOpenTogether = 0;
    this.server = createServer((request, response) => this.#http(request, response));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (socket) => this.#connected(socket));
  }

  get url() {
    return `ws://127.0.0.1:${this.server.address().port}`;
  }

  /**
   * Counters per downstream connection (in the order they connected) and in
   * total: `reqs` and `closes` received, `closed` CLOSED sent (the proxy's own
   * and the relay's), `refused` of them for too many subscriptions, `maxOpen`
   * the most subscriptions open at once (in total: the most on one
   * connection; `maxOpenTogether`: on all connections at once).
   */
  get stats() {
    const connections = this.perConnection.map(({ open, ...counts }) => ({ ...counts, openNow: open.size }));
    const sum = (key) => connections.reduce((total, c) => total + c[key], 0);
    return {
      connections,
      total: {
        connections: connections.length, reqs: sum('reqs'), closes: sum('closes'), closed: sum('closed'),
        refused: sum('refused'), maxOpen: Math.max(0, ...connections.map((c) => c.maxOpen)),
        maxOpenTogether: this.maxOpenTogether,
      },
    };
  }

  async stop() {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** NIP-11 for GET with Accept: application/nostr+json (and its CORS preflight); a silent relay never answers. */
  #http(request, response) {
    if (this.mode === 'silent') return;
    const cors = {
      'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Accept', 'Access-Control-Allow-Methods': 'GET, OPTIONS',
    };
    const wantsNip11 = /application\/nostr\+json/.test(request.headers.accept ?? '');
    if (this.nip11 === null || !['GET', 'OPTIONS'].includes(request.method) || (request.method === 'GET' && !wantsNip11)) {
      response.writeHead(404, { ...cors, 'Content-Type': 'text/plain' }).end('not found');
    } else if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
    } else {
      response.writeHead(200, { ...cors, 'Content-Type': 'application/nostr+json' }).end(JSON.stringify(this.nip11));
    }
  }

  #connected(downstream) {
    this.sockets.add(downstream);
    // A client's protocol error ends its connection, not the proxy.
    downstream.on('error', () => {});
    const count = counters();
    this.perConnection.push(count);
    const reply = (message) => {
      if (message[0] === 'CLOSED') count.closed++;
      if (downstream.readyState === WebSocket.OPEN) downstream.send(JSON.stringify(message));
    };
    const opened = (id) => {
      count.open.add(id);
      count.maxOpen = Math.max(count.maxOpen, count.open.size);
      const together = this.perConnection.reduce((total, c) => total + c.open.size, 0);
      this.maxOpenTogether = Math.max(this.maxOpenTogether, together);
    };
    // Each client gets its own upstream connection, as it would get its own
    // session on a relay; what it sends before that opens waits in `pending`.
    let upstream = null;
    const pending = [];
    const forward = (text) => {
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else pending.push(text);
    };
    if (this.mode !== 'silent') {
      upstream = new WebSocket(this.upstreamUrl);
      this.sockets.add(upstream);
      upstream.on('open', () => pending.splice(0).forEach((text) => upstream.send(text)));
      upstream.on('error', () => downstream.terminate());
      upstream.on('close', () => {
        this.sockets.delete(upstream);
        downstream.close();
      });
    }
    downstream.on('close', () => {
      // A connection's subscriptions end with it.
      count.open.clear();
      this.sockets.delete(downstream);
      upstream?.terminate();
    });
    /** Per subscription: the smallest limit among its filters and the events sent since its REQ. */
    const limits = new Map();
    const sent = new Map();

    downstream.on('message', (data) => {
      const text = String(data);
      const [verb, id, ...filters] = parse(text);
      if (verb === 'REQ') count.reqs++;
      if (verb === 'CLOSE') count.closes++;
      if (this.mode === 'silent') return;
      if (this.mode === 'close-all') {
        if (verb === 'REQ') reply(['CLOSED', id, 'error: shutting down']);
        else if (verb !== 'CLOSE') forward(text);
        return;
      }
      if (verb === 'REQ') {
        if (!count.open.has(id) && count.open.size >= this.maxSubs) {
          count.refused++;
          reply(['CLOSED', id, 'error: too many subscriptions']);
          return;
        }
        opened(id);
        const capped = filters.map((filter) => ({
          ...filter, limit: typeof filter?.limit === 'number' ? Math.min(filter.limit, this.maxLimit) : this.maxLimit,
        }));
        limits.set(id, Math.min(...capped.map((filter) => filter.limit)));
        sent.set(id, 0);
        forward(JSON.stringify(['REQ', id, ...capped]));
      } else {
        if (verb === 'CLOSE') count.open.delete(id);
        forward(text);
      }
    });

    upstream?.on('message', (data) => {
      const text = String(data);
      const message = parse(text);
      const [verb, id] = message;
      if (verb === 'EVENT' && sent.has(id)) sent.set(id, sent.get(id) + 1);
      if (verb === 'CLOSED') count.open.delete(id);
      // A bare EOSE, unless asked to say that no filter reached its limit
      // (then nothing more is stored that the REQ did not get).
      if (verb === 'EOSE' && this.finishHint && sent.get(id) < limits.get(id)) return reply(['EOSE', id, 'finish']);
      if (verb === 'CLOSED') return reply(message);
      if (downstream.readyState === WebSocket.OPEN) downstream.send(text);
    });
  }
}

module.exports = { CappingProxy };
