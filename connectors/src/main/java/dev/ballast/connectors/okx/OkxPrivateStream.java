package dev.ballast.connectors.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.connectors.live.HealthBoard;
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
 * Health: the board watches {@link #isLive()} (DISCONNECTED until logged in and subscribed) beside the kit
 * stream's own state; this listener refreshes the board when either changes. Same {@code ping} keepalive as the
 * public stream.
 *
 * <p>Thread-safety: the stream's I/O thread calls the listener methods and the venue's watchdog calls
 * {@link #poll}; they share this object's lock. {@link #isLive()} reads a volatile and takes no lock, so the
 * board may call it while a stream thread waits for the board.
 */
final class OkxPrivateStream implements StreamListener {
    private static final Logger LOG = LoggerFactory.getLogger(OkxPrivateStream.class);
    /** The board part that is DISCONNECTED until the login is confirmed and the orders channel subscribed. */
    static final String HEALTH_PART = "private login";

    private final OkxSigner signer;
    private final Map<String, OkxInstrument> instruments;
    private final Set<OkxInstrument.Type> types = EnumSet.noneOf(OkxInstrument.Type.class);
    private final OkxOrders orders;
    private final HealthBoard health;
    private final Clock clock;
    private final OkxKeepalive keepalive;
    private final Runnable onLive;
    private final Consumer<List<ClientOrderId>> onDown;

    private StreamSender sender;
    private boolean loggedIn;
    private volatile boolean live;
    private long malformed;
    private long orderPushes;

    OkxPrivateStream(OkxSigner signer, Map<String, OkxInstrument> instrumentsById, OkxOrders orders,
                     HealthBoard health, Clock clock, long pingAfterNs, Runnable onLive,
                     Consumer<List<ClientOrderId>> onDown) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.instruments = Map.copyOf(instrumentsById);
        for (OkxInstrument i : instruments.values()) {
            types.add(i.type());
        }
        this.orders = Objects.requireNonNull(orders, "orders");
        this.health = Objects.requireNonNull(health, "health");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keepalive = new OkxKeepalive(pingAfterNs, clock.nowNs());
        this.onLive = Objects.requireNonNull(onLive, "onLive");
        this.onDown = Objects.requireNonNull(onDown, "onDown");
        health.watch(HEALTH_PART, () -> live ? VenueHealth.HEALTHY : VenueHealth.DISCONNECTED);
    }

    @Override
    public synchronized void onOpen(StreamSender streamSender) {
        sender = streamSender;
        loggedIn = false;
        keepalive.onTraffic(clock.nowNs());
        streamSender.send(signer.loginFrame(clock.nowNs() / 1_000_000_000L));
    }

    @Override
    public void onMessage(String text, long receivedNs) {
        Runnable after = null;
        synchronized (this) {
            keepalive.onTraffic(clock.nowNs());
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
            health.refresh();
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
            waiting = orders.streamLive(false);
        }
        LOG.info("okx private stream down ({}): order events come from REST replies until it is back",
                signer.redact(reason));
        health.refresh();
        onDown.accept(waiting);
    }

    @Override
    public void onHealthChanged(VenueHealth streamHealth) {
        health.refresh();
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

    /** Logged in and subscribed to orders. Lock-free (the health board calls it). */
    boolean isLive() {
        return live;
    }

    synchronized long malformedMessages() {
        return malformed;
    }

    synchronized long orderPushes() {
        return orderPushes;
    }
}
