// The origins the end-to-end tests use, all on loopback: four ports from
// AGORA_E2E_PORT (default 4173), so that two checkouts can run their suites
// side by side without one reusing the other's servers.
const port = Number(process.env.AGORA_E2E_PORT ?? 4173);
export const ASSETS = `http://127.0.0.1:${port}`;
/** Another site that embeds agora from ASSETS. Serves the repository root. */
export const HOST = `http://127.0.0.1:${port + 1}`;
/** agora's dist/ again, every page under the strict Content-Security-Policy. */
export const STRICT_ASSETS = `http://127.0.0.1:${port + 2}`;
/** A host page under a strict policy that allows only STRICT_ASSETS. */
export const STRICT_HOST = `http://127.0.0.1:${port + 3}`;

/** The strict policy of docs/src/site-owners/csp-and-headers.md (no hashes, nothing inline), for a page whose assets come from `origin`. */
export const strictPolicy = (origin: string) =>
  `default-src ${origin}; script-src ${origin} 'wasm-unsafe-eval'; style-src ${origin}; ` +
  `img-src ${origin} data:; connect-src ${origin}`;
