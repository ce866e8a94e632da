import { finalizeEvent, generateSecretKey, getPublicKey, verifyEvent, type Event } from 'nostr-tools/pure';
import WebSocket from 'ws';

/**
 * A second, independent Nostr client for the shared-discussion tests:
 * nostr-tools (npm) signs and verifies, and plain WebSocket messages
 * (NIP-01) publish and query, so that the tests can also write events that
 * no honest client would (bad signatures, floods).
 */

export type { Event };

/** A reader on another Nostr client: a key pair made by nostr-tools. */
export class OtherClient {
  readonly secret = generateSecretKey();
  readonly pubkey = getPublicKey(this.secret);

  sign(template: { kind: number; tags: string[][]; content: string; created_at?: number }): Event {
    return finalizeEvent({ created_at: Math.floor(Date.now() / 1000), ...template }, this.secret);
  }

  /** A NIP-22 comment on the web page at `url`, or a reply to `parent`; `ago`: seconds before now. */
  comment(url: string, content: string, parent?: Event, ago = 0): Event {
    const root = [['I', url], ['K', 'web']];
    const tags = parent
      ? [...root, ['e', parent.id, '', parent.pubkey], ['k', String(parent.kind)], ['p', parent.pubkey]]
      : [...root, ['i', url], ['k', 'web']];
    return this.sign({ kind: 1111, tags, content, created_at: Math.floor(Date.now() / 1000) - ago });
  }
}

export { verifyEvent };

/** Opens a WebSocket to a relay and calls `use` with it; closes it after. */
async function withSocket<T>(relay: string, use: (socket: WebSocket) => Promise<T>): Promise<T> {
  const socket = new WebSocket(relay);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    return await use(socket);
  } finally {
    socket.close();
  }
}

/**
 * Publishes events as they are (valid or not), and waits for the relay's
 * `OK` to each or for `timeoutMs`. Returns the answers by event id.
 */
export function publish(relay: string, events: object[], timeoutMs = 20_000) {
  return withSocket(relay, (socket) => new Promise<Map<string, [boolean, string]>>((resolve) => {
    const answers = new Map<string, [boolean, string]>();
    const timer = setTimeout(() => resolve(answers), timeoutMs);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message[0] !== 'OK') return;
      answers.set(message[1], [message[2], message[3]]);
      if (answers.size === events.length) {
        clearTimeout(timer);
        resolve(answers);
      }
    });
    for (const event of events) socket.send(JSON.stringify(['EVENT', event]));
  }));
}

/** The stored events that match `filter`, as the relay returns them (until EOSE). */
export function query(relay: string, filter: object, timeoutMs = 10_000) {
  return withSocket(relay, (socket) => new Promise<Event[]>((resolve, reject) => {
    const events: Event[] = [];
    const timer = setTimeout(() => reject(new Error(`no EOSE from ${relay} within ${timeoutMs} ms`)), timeoutMs);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message[0] === 'EVENT' && message[1] === 'q') events.push(message[2]);
      if (message[0] === 'EOSE' && message[1] === 'q') {
        clearTimeout(timer);
        resolve(events);
      }
    });
    socket.send(JSON.stringify(['REQ', 'q', filter]));
  }));
}
