// public/schnorr.js against BIP-340's official test vectors (the same file
// the Rust side's tests read) and events signed by nostr-tools.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { verify, fromHex } from '../../public/schnorr.js';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

test('BIP-340 test vectors: every verification result as the CSV says', async () => {
  const [, ...rows] = fixture('nostr/bip340-test-vectors.csv').trim().split('\n');
  assert.ok(rows.length >= 15);
  for (const row of rows) {
    const [index, , publicKey, , message, signature, result, comment] = row.split(',');
    const expected = result === 'TRUE';
    const actual = await verify(fromHex(publicKey), fromHex(message), fromHex(signature));
    assert.equal(actual, expected, `vector ${index} (${comment})`);
  }
});
