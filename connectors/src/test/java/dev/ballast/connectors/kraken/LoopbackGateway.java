package dev.ballast.connectors.kraken;

import dev.ballast.connectors.live.CallResult;
import dev.ballast.connectors.live.RateBudget;
import dev.ballast.connectors.live.ReplyClassifier;
import dev.ballast.connectors.live.ReplyVerdict;
import dev.ballast.connectors.live.RequestKind;
import dev.ballast.connectors.live.RestReply;
import dev.ballast.connectors.live.RestRequest;
import dev.ballast.connectors.live.VenueGateway;
import dev.ballast.core.VenueHealth;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A small test double of the kit's gateway: budget, one OkHttp call with a call timeout, the venue's classifier,
 * and the kit's outcome rules (a timeout or a broken connection on a call that is not idempotent is Unknown).
 * No breaker and no retries: the tests here are about the Kraken venue, not the guard. Order entry gets the
 * configured call timeout; reads get a generous one, so that a cold JVM on a busy machine does not time out
 * fetching the 170 kB of AssetPairs.
 */
final class LoopbackGateway implements VenueGateway {
    private final OkHttpClient orderHttp;
    private final OkHttpClient readHttp;
    private final RateBudget budget;
    private final ReplyClassifier classifier;
    private final LongSupplier clock;

    LoopbackGateway(RateBudget budget, ReplyClassifier classifier, Duration callTimeout, LongSupplier clock) {
        this.orderHttp = new OkHttpClient.Builder().callTimeout(callTimeout).retryOnConnectionFailure(false).build();
        this.readHttp = orderHttp.newBuilder().callTimeout(Duration.ofSeconds(20)).build();
        this.budget = budget;
        this.classifier = classifier;
        this.clock = clock;
    }

    @Override
    public CallResult call(RestRequest request) {
        long wait = budget.tryAcquire(request.endpoint(), clock.getAsLong());
        if (wait > 0) {
            return new CallResult.NotDone(CallResult.Failure.RATE_LIMITED, "budget", wait);
        }
        Request.Builder b = new Request.Builder().url(request.url());
        request.headers().forEach(b::header);
        if (request.body() != null) {
            b.method(request.method(), RequestBody.create(request.body(), MediaType.get(request.contentType())));
        }
        RestReply reply;
        boolean orderEntry = request.endpoint().kind() == RequestKind.ORDER
                || request.endpoint().kind() == RequestKind.CANCEL;
        try (Response r = (orderEntry ? orderHttp : readHttp).newCall(b.build()).execute()) {
            Map<String, List<String>> headers = new TreeMap<>();
            r.headers().toMultimap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            reply = new RestReply(r.code(), headers, r.body().string(), clock.getAsLong());
        } catch (InterruptedIOException e) {
            return request.endpoint().idempotent() ? new CallResult.NotDone(CallResult.Failure.TIMEOUT, "timeout", 0)
                    : new CallResult.Unknown(CallResult.Failure.TIMEOUT, "timeout");
        } catch (IOException e) {
            return request.endpoint().idempotent() ? new CallResult.NotDone(CallResult.Failure.TRANSPORT, "io", 0)
                    : new CallResult.Unknown(CallResult.Failure.TRANSPORT, e.getClass().getSimpleName());
        }
        ReplyVerdict verdict = classifier.classify(reply);
        if (verdict instanceof ReplyVerdict.Ok) {
            return new CallResult.Success(reply);
        } else if (verdict instanceof ReplyVerdict.BusinessReject r) {
            return new CallResult.Rejected(reply, r.code(), r.message());
        } else if (verdict instanceof ReplyVerdict.Throttled t) {
            budget.onThrottled(t.retryAfterNs(), clock.getAsLong());
            return new CallResult.NotDone(CallResult.Failure.RATE_LIMITED, "throttled", t.retryAfterNs());
        } else if (verdict instanceof ReplyVerdict.Banned ban) {
            return new CallResult.NotDone(CallResult.Failure.BANNED, "banned", ban.retryAfterNs());
        }
        return new CallResult.NotDone(CallResult.Failure.SERVER_ERROR, ((ReplyVerdict.VenueFailure) verdict).detail(), 0);
    }

    @Override
    public VenueHealth health() {
        return VenueHealth.HEALTHY;
    }
}
