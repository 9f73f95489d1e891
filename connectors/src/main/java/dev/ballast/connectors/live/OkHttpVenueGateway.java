package dev.ballast.connectors.live;

import dev.ballast.core.VenueHealth;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link VenueGateway} over OkHttp and Resilience4j 1.7.1. Every attempt passes, in this order:
 * <ol>
 *   <li><b>ban gate</b> — after a 418, {@code NotDone(BANNED)} until its Retry-After ends; nothing is sent;</li>
 *   <li><b>rate budget</b> — {@link RateBudget#tryAcquire}; refused: {@code NotDone(RATE_LIMITED, wait)};</li>
 *   <li><b>circuit breaker</b> — open: {@code NotDone(CIRCUIT_OPEN)} and the budget is refunded;</li>
 *   <li><b>timeout</b> — OkHttp's call timeout covers connect, write, wait and reading the body;</li>
 * </ol>
 * and then <b>retry</b> decides, for {@link Endpoint#idempotent() idempotent} endpoints only, whether another
 * attempt is made (after a transport error, a timeout, a 5xx or an unreadable reply), which passes 1-4 again —
 * so a retry draws on the budget and is stopped by a ban or an open breaker.
 *
 * <p>What the breaker records: transport errors, timeouts and {@link ReplyVerdict.VenueFailure}s (every 5xx, and
 * whatever the venue's classifier calls a failure, e.g. an unreadable body) are failures; {@code Ok} and
 * {@link ReplyVerdict.BusinessReject} are successes (the venue is working; it said no); 429 and 418 are neither.
 *
 * <p>The status line decides first: 418 is a ban, 429 a throttle, 5xx a venue failure, whatever the body says;
 * every other reply is read by the venue's {@link ReplyClassifier} (a classifier that throws is treated as an
 * unreadable reply). The wait is the larger of what the classifier says and the {@code Retry-After} header
 * (seconds or HTTP date); without either, {@link GatewayConfig#defaultThrottle()} / {@link GatewayConfig#defaultBan()}.
 *
 * <p>Order safety: a non-idempotent call (order, cancel) whose request may have been written — a timeout or a
 * reset after the request headers started, a 5xx, an unreadable reply — is {@link CallResult.Unknown}: resolve it
 * by client order id, never by sending it again. OkHttp's own silent retry on connection failure is turned off:
 * every retry is this gateway's, counted by the breaker and drawn from the budget. A call that failed before anything was sent (connect refused) is
 * {@code NotDone(TRANSPORT)}.
 *
 * <p>Logs: one WARN per change of {@link #health()}; per-call detail at DEBUG, as {@link RestRequest#toString()}
 * (method and path, no query, no headers). Exception texts are stripped of URL queries.
 *
 * <p>Time: {@code nanoClock} is epoch nanoseconds (the engine's {@code Clock}); it drives the ban, the budget
 * and the breaker's open period, so tests move them by hand. Only the call timeout and the retry backoff are
 * real time. Thread-safe: calls from several I/O threads share the guards. The given client's event listener
 * factory is replaced (it tells whether a request was sent).
 */
public final class OkHttpVenueGateway implements VenueGateway {
    private static final Logger LOG = LoggerFactory.getLogger(OkHttpVenueGateway.class);
    private static final Pattern URL_QUERY = Pattern.compile("\\?\\S*");
    private static final MediaType FORM = MediaType.parse("application/x-www-form-urlencoded");

    private final OkHttpClient http;
    private final RateBudget budget;
    private final ReplyClassifier classifier;
    private final GatewayConfig config;
    private final LongSupplier nanoClock;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final AtomicLong bannedUntilNs = new AtomicLong();
    private final AtomicLong rateLimitedUntilNs = new AtomicLong();
    private final AtomicLong breakerOpenedNs = new AtomicLong();
    private final AtomicReference<VenueHealth> reported = new AtomicReference<>(VenueHealth.HEALTHY);

    public OkHttpVenueGateway(OkHttpClient http, RateBudget budget, ReplyClassifier classifier, GatewayConfig config,
                              LongSupplier nanoClock) {
        Objects.requireNonNull(http, "http");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.config = Objects.requireNonNull(config, "config");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        EventListener.Factory probes = call -> {
            SendProbe probe = call.request().tag(SendProbe.class);
            return probe == null ? EventListener.NONE : probe;
        };
        this.http = http.newBuilder().eventListenerFactory(probes).retryOnConnectionFailure(false).build();
        this.breaker = new CircuitBreakerStateMachine(config.name(), breakerConfig(config), new EpochClock(nanoClock));
        this.breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                breakerOpenedNs.set(nanoClock.getAsLong());
            }
        });
        this.retry = Retry.of(config.name(), RetryConfig.<CallResult>custom()
                .maxAttempts(config.retryMaxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(config.retryInitialBackoff().toMillis(), 2.0))
                .retryOnResult(OkHttpVenueGateway::worthRetrying)
                .retryOnException(e -> false)
                .failAfterMaxAttempts(false)
                .build());
    }

    @Override
    public CallResult call(RestRequest request) {
        Objects.requireNonNull(request, "request");
        CallResult result = request.endpoint().idempotent()
                ? retry.executeSupplier(() -> attempt(request))
                : attempt(request);
        health();
        return result;
    }

    @Override
    public VenueHealth health() {
        VenueHealth now = currentHealth(nanoClock.getAsLong());
        VenueHealth before = reported.getAndSet(now);
        if (before != now) {
            LOG.warn("{}: REST gateway {} -> {}", config.name(), before.description(), now.description());
        }
        return now;
    }

    /** The breaker's state, for status pages and tests. */
    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    public GatewayConfig config() {
        return config;
    }

    private VenueHealth currentHealth(long nowNs) {
        if (nowNs < bannedUntilNs.get()) {
            return VenueHealth.BANNED;
        }
        CircuitBreaker.State state = breaker.getState();
        if (state == CircuitBreaker.State.OPEN && breakerOpenRemainingNs(nowNs) <= 0) {
            // Nobody routes to a venue reported open, so no call would ever probe it: let probes through now.
            try {
                breaker.transitionToHalfOpenState();
            } catch (RuntimeException alreadyMoved) {
                // another thread moved it first
            }
            state = breaker.getState();
        }
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
            return VenueHealth.CIRCUIT_OPEN;
        }
        if (nowNs < rateLimitedUntilNs.get()) {
            return VenueHealth.RATE_LIMITED;
        }
        return VenueHealth.HEALTHY;
    }

    private long breakerOpenRemainingNs(long nowNs) {
        return breakerOpenedNs.get() + config.breakerOpenDuration().toNanos() - nowNs;
    }

    private CallResult attempt(RestRequest request) {
        Endpoint endpoint = request.endpoint();
        long startNs = nanoClock.getAsLong();
        long banLeftNs = bannedUntilNs.get() - startNs;
        if (banLeftNs > 0) {
            return new CallResult.NotDone(CallResult.Failure.BANNED, "banned by the venue", banLeftNs);
        }
        long waitNs = budget.tryAcquire(endpoint, startNs);
        if (waitNs > 0) {
            rateLimitedUntil(startNs + waitNs);
            return new CallResult.NotDone(CallResult.Failure.RATE_LIMITED, "rate budget spent", waitNs);
        }
        if (!breaker.tryAcquirePermission()) {
            budget.refund(endpoint, startNs);
            return new CallResult.NotDone(CallResult.Failure.CIRCUIT_OPEN, "circuit breaker open",
                    Math.max(0, breakerOpenRemainingNs(startNs)));
        }
        SendProbe probe = new SendProbe();
        RestReply reply;
        try {
            reply = exchange(request, probe);
        } catch (IOException | RuntimeException e) {
            long endNs = nanoClock.getAsLong();
            breaker.onError(Math.max(0, endNs - startNs), TimeUnit.NANOSECONDS, new GatewayFailure(e.getClass()));
            CallResult.Failure failure = e instanceof InterruptedIOException
                    ? CallResult.Failure.TIMEOUT : CallResult.Failure.TRANSPORT;
            String detail = sanitize(e.getClass().getSimpleName() + ": " + e.getMessage());
            LOG.debug("{}: {} failed ({}, request sent: {}): {}", config.name(), request, failure, probe.sent, detail);
            if (!endpoint.idempotent() && probe.sent) {
                LOG.info("{}: {} outcome unknown after {}; to be resolved by lookup", config.name(), request, failure);
                return new CallResult.Unknown(failure, detail);
            }
            return new CallResult.NotDone(failure, detail, 0);
        }
        return onReply(request, reply, startNs);
    }

    private CallResult onReply(RestRequest request, RestReply reply, long startNs) {
        Endpoint endpoint = request.endpoint();
        long nowNs = reply.receivedNs();
        long durationNs = Math.max(0, nowNs - startNs);
        budget.onReply(endpoint, reply, nowNs);
        ReplyVerdict verdict = verdict(reply);
        if (verdict instanceof ReplyVerdict.Ok) {
            breaker.onSuccess(durationNs, TimeUnit.NANOSECONDS);
            return new CallResult.Success(reply);
        } else if (verdict instanceof ReplyVerdict.BusinessReject r) {
            breaker.onSuccess(durationNs, TimeUnit.NANOSECONDS);
            return new CallResult.Rejected(reply, r.code(), r.message());
        } else if (verdict instanceof ReplyVerdict.Throttled t) {
            breaker.releasePermission();
            long waitNs = wait(t.retryAfterNs(), reply, nowNs, config.defaultThrottle());
            budget.onThrottled(waitNs, nowNs);
            rateLimitedUntil(nowNs + waitNs);
            LOG.debug("{}: {} throttled (HTTP {}) for {} ms", config.name(), request, reply.status(), waitNs / 1_000_000);
            return new CallResult.NotDone(CallResult.Failure.RATE_LIMITED, "throttled (HTTP " + reply.status() + ")",
                    waitNs);
        } else if (verdict instanceof ReplyVerdict.Banned b) {
            breaker.releasePermission();
            long waitNs = wait(b.retryAfterNs(), reply, nowNs, config.defaultBan());
            bannedUntilNs.accumulateAndGet(nowNs + waitNs, Math::max);
            return new CallResult.NotDone(CallResult.Failure.BANNED, "banned (HTTP " + reply.status() + ")", waitNs);
        }
        ReplyVerdict.VenueFailure f = (ReplyVerdict.VenueFailure) verdict;
        breaker.onError(durationNs, TimeUnit.NANOSECONDS, new GatewayFailure(ReplyVerdict.VenueFailure.class));
        CallResult.Failure failure = reply.status() >= 500
                ? CallResult.Failure.SERVER_ERROR : CallResult.Failure.MALFORMED_REPLY;
        String detail = sanitize("HTTP " + reply.status() + ": " + f.detail());
        LOG.debug("{}: {} venue failure: {}", config.name(), request, detail);
        if (!endpoint.idempotent()) {
            LOG.info("{}: {} outcome unknown after {}; to be resolved by lookup", config.name(), request, failure);
            return new CallResult.Unknown(failure, detail);
        }
        return new CallResult.NotDone(failure, detail, 0);
    }

    private ReplyVerdict verdict(RestReply reply) {
        int status = reply.status();
        if (status == 418) {
            return new ReplyVerdict.Banned(0);
        } else if (status == 429) {
            return new ReplyVerdict.Throttled(0);
        } else if (status >= 500) {
            return new ReplyVerdict.VenueFailure("server error");
        }
        try {
            ReplyVerdict v = classifier.classify(reply);
            return v == null ? new ReplyVerdict.VenueFailure("no verdict") : v;
        } catch (RuntimeException e) {
            return new ReplyVerdict.VenueFailure("unreadable reply (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static long wait(long verdictNs, RestReply reply, long nowNs, Duration fallback) {
        long ns = Math.max(verdictNs, RetryAfter.nanosFrom(reply, nowNs));
        return ns > 0 ? ns : fallback.toNanos();
    }

    private void rateLimitedUntil(long untilNs) {
        rateLimitedUntilNs.accumulateAndGet(untilNs, Math::max);
    }

    private RestReply exchange(RestRequest request, SendProbe probe) throws IOException {
        Request.Builder builder = new Request.Builder().url(request.url()).tag(SendProbe.class, probe);
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            builder.header(h.getKey(), h.getValue());
        }
        builder.method(request.method(), body(request));
        Call call = http.newCall(builder.build());
        call.timeout().timeout(config.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            return new RestReply(response.code(), response.headers().toMultimap(), text, nanoClock.getAsLong());
        }
    }

    private static RequestBody body(RestRequest request) {
        String method = request.method();
        if (request.body() == null) {
            boolean needsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
            return needsBody ? RequestBody.create(new byte[0], null) : null;
        }
        MediaType type = request.contentType() == null ? FORM : MediaType.parse(request.contentType());
        return RequestBody.create(request.body(), type);
    }

    private static boolean worthRetrying(CallResult result) {
        if (result instanceof CallResult.NotDone n) {
            return switch (n.failure()) {
                case TIMEOUT, TRANSPORT, SERVER_ERROR, MALFORMED_REPLY -> true;
                case CIRCUIT_OPEN, RATE_LIMITED, BANNED -> false;
            };
        }
        return false;
    }

    /** {@code text} with every URL query (which may carry a signature or key) cut off. */
    static String sanitize(String text) {
        return text == null ? "" : URL_QUERY.matcher(text).replaceAll("?…");
    }

    private static CircuitBreakerConfig breakerConfig(GatewayConfig c) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(c.breakerWindowCalls())
                .minimumNumberOfCalls(Math.min(c.breakerMinimumCalls(), c.breakerWindowCalls()))
                .failureRateThreshold(c.breakerFailureRatePct())
                .waitDurationInOpenState(c.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(c.breakerHalfOpenCalls())
                .slowCallRateThreshold(100f)
                .slowCallDurationThreshold(Duration.ofDays(1))
                .writableStackTraceEnabled(false)
                .build();
    }

    /** Tells whether OkHttp started writing the request: after that, a failed order may have reached the venue. */
    private static final class SendProbe extends EventListener {
        private volatile boolean sent;

        @Override
        public void requestHeadersStart(Call call) {
            sent = true;
        }
    }

    /** What the breaker records for a failed call; carries no message (nothing of the request leaks into it). */
    private static final class GatewayFailure extends RuntimeException {
        GatewayFailure(Class<?> cause) {
            super(cause.getSimpleName(), null, false, false);
        }
    }

    /** The breaker's clock: the gateway's epoch-nanosecond clock, so its open period moves with test time. */
    private static final class EpochClock extends java.time.Clock {
        private final LongSupplier nanoClock;

        EpochClock(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(0, nanoClock.getAsLong());
        }
    }
}
