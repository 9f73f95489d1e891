package dev.ballast.connectors.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.live.CallResult;
import dev.ballast.connectors.live.Credentials;
import dev.ballast.connectors.live.Endpoint;
import dev.ballast.connectors.live.RestRequest;
import dev.ballast.connectors.live.VenueGateway;
import dev.ballast.core.event.RejectReason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Builds, signs and sends Kraken REST calls through the venue's {@link VenueGateway}. Public calls are
 * {@code GET /0/public/<method>}; private calls are {@code POST /0/private/<method>} with a form body that starts
 * with the nonce, signed by {@link KrakenSigner} just before sending.
 *
 * <p>Private reads are retried here, not in the gateway: each attempt is signed anew because Kraken refuses a
 * nonce twice. An attempt is repeated when the outcome is unknown, the venue failed, or Kraken reports
 * {@code EAPI:Invalid nonce}; not when the guard refused (breaker open, budget spent, banned), which a retry
 * would only hit again. Order entry ({@link #privateCall}) is sent exactly once.
 *
 * <p>With {@code serialize} on, private calls are signed and sent one at a time (a lock held across the call),
 * so nonces reach Kraken in the order they were made: two calls signed in one order and arriving in the other
 * would fail with {@code EAPI:Invalid nonce}. Thread-safe; blocking: never call it on the engine thread.
 */
final class KrakenRestClient {
    private final String restUrl;
    private final VenueGateway gateway;
    private final Credentials credentials;
    private final KrakenSigner signer;
    private final int readAttempts;
    private final ReentrantLock privateCalls;

    /** @param credentials null for public data only: private calls then throw IllegalStateException */
    KrakenRestClient(String restUrl, VenueGateway gateway, Credentials credentials, LongSupplier epochNanos,
                     int readAttempts, boolean serialize) {
        this.restUrl = Objects.requireNonNull(restUrl, "restUrl");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.credentials = credentials;
        this.signer = credentials == null ? null : new KrakenSigner(credentials, epochNanos);
        this.readAttempts = readAttempts;
        this.privateCalls = serialize ? new ReentrantLock(true) : null;
    }

    boolean hasCredentials() {
        return signer != null;
    }

    /** A public read; the gateway retries it. @throws KrakenCallException without an answer */
    JsonNode publicRead(Endpoint endpoint, String query) {
        String url = restUrl + KrakenEndpoints.PUBLIC + KrakenEndpoints.method(endpoint)
                + (query == null || query.isEmpty() ? "" : "?" + query);
        CallResult result = gateway.call(RestRequest.get(endpoint, url, Map.of()));
        if (result instanceof CallResult.Success s) {
            return KrakenMapper.result(s.reply().body());
        }
        throw failure(endpoint, result);
    }

    /**
     * A private read, tried up to the configured attempts with a fresh nonce each time.
     *
     * @throws KrakenCallException when Kraken refused it or no attempt got an answer
     */
    JsonNode privateRead(Endpoint endpoint, Map<String, String> params) {
        CallResult last = null;
        for (int attempt = 1; attempt <= readAttempts; attempt++) {
            last = privateCall(endpoint, params);
            if (last instanceof CallResult.Success s) {
                try {
                    return KrakenMapper.result(s.reply().body());
                } catch (MalformedKrakenMessageException e) {
                    throw new KrakenCallException(endpoint.name() + ": unreadable reply (" + e.getMessage() + ")",
                            RejectReason.VENUE_UNAVAILABLE);
                }
            }
            if (!worthRetrying(last)) {
                break;
            }
        }
        throw failure(endpoint, last);
    }

    /** One private call, signed now and sent once. The caller handles every outcome. */
    CallResult privateCall(Endpoint endpoint, Map<String, String> params) {
        if (signer == null) {
            throw new IllegalStateException("kraken: no credentials configured, cannot call " + endpoint.name());
        }
        String path = KrakenEndpoints.PRIVATE + KrakenEndpoints.method(endpoint);
        if (privateCalls != null) {
            privateCalls.lock();
        }
        try {
            long nonce = signer.nextNonce();
            String body = form(nonce, params);
            Map<String, String> headers = new HashMap<>(signer.headers(path, nonce, body));
            return gateway.call(new RestRequest(endpoint, "POST", restUrl + path, headers, body,
                    "application/x-www-form-urlencoded"));
        } finally {
            if (privateCalls != null) {
                privateCalls.unlock();
            }
        }
    }

    /** Scrubs any credential from text bound for a log line or an exception. */
    String redact(String text) {
        return credentials == null ? text : credentials.redact(text);
    }

    private static boolean worthRetrying(CallResult result) {
        if (result instanceof CallResult.Unknown) {
            return true;
        }
        if (result instanceof CallResult.NotDone n) {
            return switch (n.failure()) {
                case CIRCUIT_OPEN, RATE_LIMITED, BANNED -> false;
                default -> true;
            };
        }
        return result instanceof CallResult.Rejected r && r.code().startsWith("EAPI:Invalid nonce");
    }

    private KrakenCallException failure(Endpoint endpoint, CallResult result) {
        if (result instanceof CallResult.Rejected r) {
            return new KrakenCallException(endpoint.name() + " refused: " + redact(r.code()),
                    KrakenReplyClassifier.reason(r.code()));
        }
        if (result instanceof CallResult.NotDone n) {
            RejectReason reason = n.failure() == CallResult.Failure.RATE_LIMITED ? RejectReason.RATE_LIMITED
                    : RejectReason.VENUE_UNAVAILABLE;
            return new KrakenCallException(endpoint.name() + " not done: " + n.failure() + " " + redact(n.detail()),
                    reason);
        }
        if (result instanceof CallResult.Unknown u) {
            return new KrakenCallException(endpoint.name() + " got no answer: " + u.failure() + " "
                    + redact(u.detail()), RejectReason.VENUE_UNAVAILABLE);
        }
        return new KrakenCallException(endpoint.name() + ": unexpected outcome " + result,
                RejectReason.VENUE_UNAVAILABLE);
    }

    /** {@code nonce=<n>&k=v&...}, URL-encoded, in the order given. */
    static String form(long nonce, Map<String, String> params) {
        StringBuilder sb = new StringBuilder("nonce=").append(nonce);
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append('&').append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
