package dev.ballast.connectors.okx;

import dev.ballast.connectors.live.CallResult;
import dev.ballast.connectors.live.ReplyClassifier;
import dev.ballast.connectors.live.ReplyVerdict;
import dev.ballast.connectors.live.RestReply;
import dev.ballast.connectors.live.RestRequest;
import dev.ballast.connectors.live.VenueGateway;
import dev.ballast.core.VenueHealth;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A test double of the kit's gateway, without its guards: sends each request once over OkHttp with a call timeout,
 * classifies the reply with the venue's classifier, and returns the {@link CallResult} the real gateway would for a
 * single attempt (a timeout or transport failure on order entry is Unknown, on a read NotDone). Counts calls per
 * endpoint so tests can prove an order was sent once.
 */
final class LoopbackGateway implements VenueGateway {
    private final OkHttpClient http;
    private final ReplyClassifier classifier;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    LoopbackGateway(ReplyClassifier classifier, Duration callTimeout) {
        this.http = new OkHttpClient.Builder().callTimeout(callTimeout).retryOnConnectionFailure(false).build();
        this.classifier = classifier;
    }

    @Override
    public CallResult call(RestRequest request) {
        calls.computeIfAbsent(request.endpoint().name(), k -> new AtomicInteger()).incrementAndGet();
        Request.Builder b = new Request.Builder().url(request.url());
        request.headers().forEach(b::header);
        if (request.body() != null) {
            b.method(request.method(), RequestBody.create(request.body(), MediaType.get(request.contentType())));
        } else {
            b.method(request.method(), null);
        }
        try (Response response = http.newCall(b.build()).execute()) {
            Map<String, List<String>> headers = new HashMap<>();
            for (String name : response.headers().names()) {
                headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
            }
            RestReply reply = new RestReply(response.code(), headers, response.body().string(), System.nanoTime());
            ReplyVerdict verdict = classifier.classify(reply);
            if (verdict instanceof ReplyVerdict.Ok) {
                return new CallResult.Success(reply);
            } else if (verdict instanceof ReplyVerdict.BusinessReject r) {
                return new CallResult.Rejected(reply, r.code(), r.message());
            } else if (verdict instanceof ReplyVerdict.Throttled t) {
                return new CallResult.NotDone(CallResult.Failure.RATE_LIMITED, "throttled", t.retryAfterNs());
            } else if (verdict instanceof ReplyVerdict.Banned b2) {
                return new CallResult.NotDone(CallResult.Failure.BANNED, "banned", b2.retryAfterNs());
            } else {
                return new CallResult.NotDone(CallResult.Failure.SERVER_ERROR,
                        ((ReplyVerdict.VenueFailure) verdict).detail(), 0);
            }
        } catch (InterruptedIOException e) {
            return request.endpoint().idempotent()
                    ? new CallResult.NotDone(CallResult.Failure.TIMEOUT, "timed out", 0)
                    : new CallResult.Unknown(CallResult.Failure.TIMEOUT, "timed out");
        } catch (IOException e) {
            return request.endpoint().idempotent()
                    ? new CallResult.NotDone(CallResult.Failure.TRANSPORT, e.getClass().getSimpleName(), 0)
                    : new CallResult.Unknown(CallResult.Failure.TRANSPORT, e.getClass().getSimpleName());
        }
    }

    @Override
    public VenueHealth health() {
        return VenueHealth.HEALTHY;
    }

    int calls(String endpointName) {
        AtomicInteger n = calls.get(endpointName);
        return n == null ? 0 : n.get();
    }

    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
