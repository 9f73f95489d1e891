package dev.ballast.connectors.binance;

import dev.ballast.connectors.live.CallResult;
import dev.ballast.connectors.live.RateBudget;
import dev.ballast.connectors.live.ReplyClassifier;
import dev.ballast.connectors.live.ReplyVerdict;
import dev.ballast.connectors.live.RestReply;
import dev.ballast.connectors.live.RestRequest;
import dev.ballast.connectors.live.VenueGateway;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.time.Clock;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A bare gateway for tests, until the kit's guarded one is on main: budget, one OkHttp call with a timeout, the
 * classifier's verdict. No breaker and no retries. A timed-out order call is {@code Unknown}, a timed-out read
 * {@code NotDone}, as the kit's contract says.
 */
final class LoopbackGateway implements VenueGateway {
    private final OkHttpClient http;
    private final RateBudget budget;
    private final ReplyClassifier classifier;
    private final Clock clock;

    LoopbackGateway(OkHttpClient http, Duration callTimeout, RateBudget budget, ReplyClassifier classifier,
                    Clock clock) {
        this.http = http.newBuilder().callTimeout(callTimeout).build();
        this.budget = budget;
        this.classifier = classifier;
        this.clock = clock;
    }

    @Override
    public CallResult call(RestRequest request) {
        long waitNs = budget.tryAcquire(request.endpoint(), clock.nowNs());
        if (waitNs > 0) {
            return new CallResult.NotDone(CallResult.Failure.RATE_LIMITED, "budget", waitNs);
        }
        Request.Builder b = new Request.Builder().url(request.url());
        request.headers().forEach(b::header);
        RequestBody body = request.body() == null ? RequestBody.create(new byte[0], null)
                : RequestBody.create(request.body(), MediaType.parse(request.contentType()));
        b.method(request.method(), "GET".equals(request.method()) ? null : body);
        RestReply reply;
        try (Response response = http.newCall(b.build()).execute()) {
            Map<String, List<String>> headers = new HashMap<>();
            for (String name : response.headers().names()) {
                headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
            }
            reply = new RestReply(response.code(), headers, response.body().string(), clock.nowNs());
        } catch (InterruptedIOException e) {
            return request.endpoint().idempotent()
                    ? new CallResult.NotDone(CallResult.Failure.TIMEOUT, "timeout", 0)
                    : new CallResult.Unknown(CallResult.Failure.TIMEOUT, "timeout");
        } catch (IOException e) {
            return request.endpoint().idempotent()
                    ? new CallResult.NotDone(CallResult.Failure.TRANSPORT, e.getClass().getSimpleName(), 0)
                    : new CallResult.Unknown(CallResult.Failure.TRANSPORT, e.getClass().getSimpleName());
        }
        budget.onReply(request.endpoint(), reply, clock.nowNs());
        ReplyVerdict verdict = classifier.classify(reply);
        if (verdict instanceof ReplyVerdict.Ok) {
            return new CallResult.Success(reply);
        } else if (verdict instanceof ReplyVerdict.BusinessReject r) {
            return new CallResult.Rejected(reply, r.code(), r.message());
        } else if (verdict instanceof ReplyVerdict.Throttled t) {
            budget.onThrottled(t.retryAfterNs(), clock.nowNs());
            return new CallResult.NotDone(CallResult.Failure.RATE_LIMITED, "HTTP " + reply.status(), t.retryAfterNs());
        } else if (verdict instanceof ReplyVerdict.Banned bn) {
            return new CallResult.NotDone(CallResult.Failure.BANNED, "HTTP " + reply.status(), bn.retryAfterNs());
        }
        return new CallResult.NotDone(CallResult.Failure.SERVER_ERROR, ((ReplyVerdict.VenueFailure) verdict).detail(),
                0);
    }

    @Override
    public VenueHealth health() {
        return VenueHealth.HEALTHY;
    }
}
