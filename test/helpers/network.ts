import nock from 'nock';

/** Every test that talks HTTP: only loopback may be reached; anything else must be intercepted by nock. */
export function allowOnlyLoopback(): void {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
}

/** Drops every interceptor and lets the network back in. */
export function restoreNetwork(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}
