/**
 * The kit every live venue is built from: credentials that never print, the guarded REST gateway
 * ({@link dev.ballast.connectors.live.VenueGateway}: ban gate, rate budget, circuit breaker, timeout, retries for
 * idempotent calls — in that order), the reconnecting WebSocket stream with its silence watchdog, and the
 * health board that turns all of it into {@link dev.ballast.core.event.VenueStatus} events.
 *
 * <p>Each exchange lives in its own package ({@code connectors.binance}, {@code connectors.kraken},
 * {@code connectors.okx}) with one mapper from its messages to core types; nothing exchange-specific is here.
 * REST calls go through OkHttp rather than XChange's rescu client so that every request of an API key passes
 * through one budget and the venue's usage headers ({@code X-MBX-USED-WEIGHT-1M}, {@code Retry-After}) are seen.
 */
package dev.ballast.connectors.live;
