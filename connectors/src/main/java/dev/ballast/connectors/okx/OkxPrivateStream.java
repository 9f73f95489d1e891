package dev.ballast.connectors.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.connectors.live.StreamListener;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private side of OKX: logs in ({@code op: login}, signed over {@code timestamp + "GET" + "/users/self/verify"}),
 * subscribes the {@code orders} channel of each instrument type we trade once the login is confirmed, and hands every
 * order push to {@link OkxOrders}, which makes OrderAccepted / OrderFilled (deduplicated by trade id) /
 * OrderCancelled / OrderRejected of them.
 *
 * <p>The stream is "live" from OKX's confirmation of the {@code orders} subscription until the connection drops.
 * Going live runs {@code onLive} (the venue backfills fills it may have missed while disconnected); going down hands
 * the post-only orders that were waiting for the stream to {@code onDown} (the venue looks them up by client id).
 * Frames sent here carry the API key and passphrase: nothing sent is ever logged, and OKX's error text is scrubbed.
 * Same keepalive and silence watchdog as the public stream.
 *
 * <p>Thread-safety: the stream's I/O thread calls the listener methods and the venue's watchdog calls
 * {@link #poll}; they share this object's lock.
 */
final class OkxPrivateStream implements StreamListener {
    private static final Logger LOG = LoggerFactory.getLogger(OkxPrivateStream.class);
    static final String HEALTH_PART = "private-stream";

    private final OkxSigner signer;
    private final Map<String, OkxInstrument> instruments;
    private final Set<OkxInstrument.Type> types = EnumSet.noneOf(OkxInstrument.Type.class);
    private final OkxOrders orders;
    private final OkxHealth health;
    private final Clock clock;
    private final OkxKeepalive keepalive;
    private final Runnable onLive;
    private final Consumer<List<ClientOrderId>> onDown;

    private StreamSender sender;
    private boolean loggedIn;
    private boolean live;
    private long malformed;
    private long orderPushes;

    OkxPrivateStream(OkxSigner signer, Map<String, OkxInstrument> instrumentsById, OkxOrders orders,
                     OkxHealth health, Clock clock, long pingAfterNs, long staleAfterNs, Runnable onLive,
                     Consumer<List<ClientOrderId>> onDown) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.instruments = Map.copyOf(instrumentsById);
        for (OkxInstrument i : instruments.values()) {
            types.add(i.type());
        }
        this.orders = Objects.requireNonNull(orders, "orders");
        this.health = Objects.requireNonNull(health, "health");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keepalive = new OkxKeepalive(health, HEALTH_PART, pingAfterNs, staleAfterNs, clock.nowNs());
        this.onLive = Objects.requireNonNull(onLive, "onLive");
        this.onDown = Objects.requireNonNull(onDown, "onDown");
        health.set(HEALTH_PART, VenueHealth.DISCONNECTED, "connecting");
    }

    @Override
    public synchronized void onOpen(StreamSender streamSender) {
        sender = streamSender;
        loggedIn = false;
        keepalive.onConnected(clock.nowNs());
        health.set(HEALTH_PART, VenueHealth.DISCONNECTED, "logging in");
        streamSender.send(signer.loginFrame(clock.nowNs() / 1_000_000_000L));
    }

    @Override
    public void onMessage(String text, long receivedNs) {
        Runnable after = null;
        synchronized (this) {
            if (keepalive.onTraffic(clock.nowNs()) && live) {
                health.set(HEALTH_PART, VenueHealth.HEALTHY, "traffic again");
            }
            if ("pong".equals(text)) {
                return;
            }
            try {
                JsonNode root = OkxMapper.tree(text);
                if (root.has("event")) {
                    after = onEvent(root);
                } else if ("orders".equals(OkxMapper.channel(root))) {
                    onOrders(root);
                }
            } catch (OkxMalformedException | IllegalArgumentException e) {
                malformed++;
                if (malformed == 1) {
                    LOG.warn("okx private stream: malformed message skipped (further ones are counted): {}",
                            signer.redact(e.getMessage()));
                } else {
                    LOG.debug("okx private stream: malformed message skipped ({} so far): {}", malformed,
                            signer.redact(e.getMessage()));
                }
            }
        }
        if (after != null) {
            after.run(); // outside the lock: it may hand work to the order thread
        }
    }

    @Override
    public void onDisconnected(String reason) {
        List<ClientOrderId> waiting;
        synchronized (this) {
            sender = null;
            loggedIn = false;
            live = false;
            health.set(HEALTH_PART, VenueHealth.DISCONNECTED, signer.redact(reason));
            waiting = orders.streamLive(false);
        }
        onDown.accept(waiting);
    }

    /** Pings when quiet, marks the stream stale when silent. @return 1 when it did something */
    synchronized int poll(long nowNs) {
        return keepalive.poll(nowNs, sender);
    }

    private Runnable onEvent(JsonNode root) {
        String event = OkxMapper.text(root, "event");
        switch (event) {
            case "login" -> {
                if (!"0".equals(OkxMapper.text(root, "code"))) {
                    loginFailed(root);
                    return null;
                }
                loggedIn = true;
                ObjectNode subscribe = OkxMapper.JSON.createObjectNode().put("op", "subscribe");
                ArrayNode args = subscribe.putArray("args");
                for (OkxInstrument.Type type : types) {
                    args.addObject().put("channel", "orders").put("instType", type.wireName());
                }
                sender.send(subscribe.toString());
                return null;
            }
            case "subscribe" -> {
                if (loggedIn && !live && "orders".equals(OkxMapper.text(root.get("arg"), "channel"))) {
                    live = true;
                    orders.streamLive(true);
                    health.set(HEALTH_PART, VenueHealth.HEALTHY, "logged in, orders subscribed");
                    return onLive;
                }
                return null;
            }
            case "error" -> {
                if (!loggedIn) {
                    loginFailed(root);
                } else {
                    LOG.warn("okx private stream error {}: {}", OkxMapper.text(root, "code"),
                            signer.redact(OkxMapper.text(root, "msg")));
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private void loginFailed(JsonNode root) {
        String code = OkxMapper.text(root, "code");
        LOG.error("okx private stream: login refused, code {}: {}", code, signer.redact(OkxMapper.text(root, "msg")));
        health.set(HEALTH_PART, VenueHealth.DISCONNECTED, "login refused (okx " + code + ")");
    }

    private void onOrders(JsonNode root) {
        for (OkxOrderUpdate u : OkxMapper.orders(root)) {
            OkxInstrument instrument = instruments.get(u.instId());
            if (instrument != null) {
                orderPushes++;
                orders.onStream(u, instrument);
            }
        }
    }

    synchronized boolean isLive() {
        return live;
    }

    synchronized long malformedMessages() {
        return malformed;
    }

    synchronized long orderPushes() {
        return orderPushes;
    }
}
