/**
 * The simulated exchange over loopback: {@link dev.ballast.connectors.remote.SimExchangeServer} serves the
 * simulated venues of {@code connectors.sim} over HTTP from a process that outlives the bot, and
 * {@link dev.ballast.connectors.remote.RemoteVenue} is the bot's {@link dev.ballast.connectors.Venue} on one of them.
 * What the crash test runs the bot against, and how an operator runs several paper bots on one simulated market.
 *
 * <p>Wire: JSON, decimals as strings. Under {@code /venues/<id>/}:
 * <pre>
 *   GET  instruments                         [instrument...]           symbol, base, quote, tickSize, lotSize, minNotional
 *   GET  fees?symbol=S                       {makerRate, takerRate}
 *   GET  balances                            [{asset, total, free, locked}...]
 *   GET  openOrders                          [open order...]
 *   GET  orderStatus?symbol=S&amp;clientOrderId=C  order report, or 404 when the venue never received C
 *   GET  trades?symbol=S[&amp;after=T]            [fill...] after trade id T (all when absent), oldest first
 *   POST place        {order request}        202; the outcome comes on the event stream
 *   POST cancel       {symbol, clientOrderId} 202; idem
 *   POST cancelAll    {}                     202; idem
 *   POST snapshot     {symbol}               202; the snapshot comes on the event stream
 *   GET  events                              a streaming response: one event per line, {"seq":n, "type":...},
 *                                            n = 1, 2, ... on this connection; {"type":"heartbeat"} when quiet;
 *                                            starts with a snapshot of every book
 * </pre>
 * {@code GET /venues} lists the venue ids. Errors are {@code {"error": "..."}} with 400 (malformed), 404 (unknown
 * venue, instrument, path or order), 405 (wrong method) or 503 (venue closed).
 */
package dev.ballast.connectors.remote;
