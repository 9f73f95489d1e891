package dev.ballast.connectors.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.live.StreamListener;
import dev.ballast.core.VenueHealth;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kraken's private WebSocket (v1): our {@code openOrders} and {@code ownTrades}, authenticated with a token from
 * REST {@code GetWebSocketsToken}. Each update goes to {@link KrakenOrders}, which makes the engine's events
 * (accepted, filled — once per trade id — and cancelled).
 *
 * <ul>
 *   <li>On every (re)connect a new token is fetched off this thread, then both channels are subscribed
 *       ({@code ownTrades} without its snapshot of old trades). After a reconnect, trades missed while
 *       disconnected are caught up from REST trade history.</li>
 *   <li>Both channels number their messages ({@code sequence}); a gap asks for the same catch-up.</li>
 *   <li>The first {@code openOrders} message after subscribing lists every open order: an order we think live
 *       that is missing from it ended while we were not listening, and is looked up.</li>
 * </ul>
 * The token is a credential: it is never logged. Not thread-safe: called on the stream's I/O thread.
 */
final class KrakenPrivateStream implements StreamListener {
    private static final Logger LOG = LoggerFactory.getLogger(KrakenPrivateStream.class);

    /** What this stream asks of the venue; each runs off the stream's thread. */
    interface Account {
        /** Fetches a WebSocket token and hands it to {@code withToken} (retrying until it has one). */
        void authenticate(Consumer<String> withToken);

        /** Fetches the trades we may have missed from REST and reports the new ones. */
        void catchUpFills(String why);

        /** Looks up our live orders that Kraken no longer lists as open. */
        void reconcile(Set<String> openTxids);
    }

    private final Supplier<KrakenPairs> pairs;
    private final KrakenOrders orders;
    private final Account account;
    private final Runnable healthChanged;
    private final UnaryOperator<String> redact;
    private volatile String token;
    private final AtomicLong malformed = new AtomicLong();
    private final Map<String, Long> lastSequence = new LinkedHashMap<>();
    private volatile boolean subscribedTrades;
    private volatile boolean subscribedOrders;
    private boolean awaitingOrderSnapshot;
    private boolean connectedBefore;

    /**
     * @param healthChanged called when this stream's health may have changed (refreshes the venue's board)
     * @param redact        scrubs the API credentials from text bound for a log line (the token is scrubbed here)
     */
    KrakenPrivateStream(Supplier<KrakenPairs> pairs, KrakenOrders orders, Account account, Runnable healthChanged,
                        UnaryOperator<String> redact) {
        this.pairs = Objects.requireNonNull(pairs, "pairs");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.account = Objects.requireNonNull(account, "account");
        this.healthChanged = Objects.requireNonNull(healthChanged, "healthChanged");
        this.redact = Objects.requireNonNull(redact, "redact");
    }

    /** DISCONNECTED until both channels are subscribed, else HEALTHY (the stream itself reports the rest). */
    VenueHealth subscriptionHealth() {
        return subscribedTrades && subscribedOrders ? VenueHealth.HEALTHY : VenueHealth.DISCONNECTED;
    }

    long malformedMessages() {
        return malformed.get();
    }

    @Override
    public void onOpen(StreamSender sender) {
        subscribedTrades = false;
        subscribedOrders = false;
        lastSequence.clear();
        awaitingOrderSnapshot = true;
        if (connectedBefore) {
            account.catchUpFills("private stream reconnected");
        }
        connectedBefore = true;
        account.authenticate(newToken -> {
            token = newToken;
            sender.send(subscribe("ownTrades", newToken, false));
            sender.send(subscribe("openOrders", newToken, null));
        });
    }

    @Override
    public void onDisconnected(String reason) {
        subscribedTrades = false;
        subscribedOrders = false;
        healthChanged.run();
    }

    @Override
    public void onHealthChanged(VenueHealth streamHealth) {
        healthChanged.run();
    }

    @Override
    public void onMessage(String text, long receivedNs) {
        try {
            JsonNode msg = KrakenMapper.parse(text);
            if (msg.isObject()) {
                onEvent(msg);
            } else if (msg.isArray() && msg.size() >= 2) {
                onChannelMessage(msg);
            } else {
                throw new MalformedKrakenMessageException("neither an event nor a channel message");
            }
        } catch (MalformedKrakenMessageException | IllegalArgumentException e) {
            long n = malformed.incrementAndGet();
            if (n == 1) {
                LOG.warn("kraken private stream: skipped a message that cannot be read ({}); further ones are counted",
                        scrub(e.getMessage()));
            } else {
                LOG.debug("kraken private stream: skipped malformed message #{} ({})", n, scrub(e.getMessage()));
            }
        }
    }

    private void onEvent(JsonNode msg) {
        String event = msg.path("event").asText("");
        switch (event) {
            case "heartbeat", "pong", "systemStatus" -> {
            }
            case "subscriptionStatus" -> {
                String channel = msg.path("channelName").asText(msg.path("subscription").path("name").asText(""));
                boolean ok = "subscribed".equals(msg.path("status").asText());
                if (channel.equals("ownTrades")) {
                    subscribedTrades = ok;
                } else if (channel.equals("openOrders")) {
                    subscribedOrders = ok;
                }
                healthChanged.run();
                if ("error".equals(msg.path("status").asText())) {
                    LOG.warn("kraken private stream: subscription to {} refused: {}", channel,
                            scrub(msg.path("errorMessage").asText("?")));
                }
            }
            default -> throw new MalformedKrakenMessageException("unknown event '" + event + "'");
        }
    }

    private void onChannelMessage(JsonNode msg) {
        String channel = msg.get(1).asText("");
        JsonNode payload = msg.get(0);
        if (!payload.isArray()) {
            throw new MalformedKrakenMessageException(channel + ": payload is not an array");
        }
        checkSequence(channel, msg.size() > 2 ? msg.get(2).path("sequence") : null);
        switch (channel) {
            case "ownTrades" -> onTrades(payload);
            case "openOrders" -> onOrders(payload);
            default -> throw new MalformedKrakenMessageException("unknown channel '" + channel + "'");
        }
    }

    private void checkSequence(String channel, JsonNode sequence) {
        if (sequence == null || !sequence.canConvertToLong()) {
            return;
        }
        long seq = sequence.asLong();
        Long last = lastSequence.put(channel, seq);
        if (last != null && seq != last + 1) {
            LOG.warn("kraken private stream: {} sequence jumped from {} to {}; catching up", channel, last, seq);
            account.catchUpFills(channel + " sequence gap");
        }
    }

    private void onTrades(JsonNode payload) {
        KrakenPairs known = pairs.get();
        for (JsonNode entry : payload) {
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                KrakenMapper.trade(e.getKey(), e.getValue(), known).ifPresent(orders::onTrade);
            }
        }
    }

    private void onOrders(JsonNode payload) {
        boolean snapshot = awaitingOrderSnapshot;
        awaitingOrderSnapshot = false;
        Set<String> listed = new HashSet<>();
        for (JsonNode entry : payload) {
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String txid = e.getKey();
                JsonNode o = e.getValue();
                listed.add(txid);
                if (snapshot && orders.clientIdOf(txid) == null && KrakenMapper.clientOrderId(o) == null) {
                    continue; // an open order that is not ours: nothing to report
                }
                String status = o.path("status").asText("");
                BigDecimal executed = o.hasNonNull("vol_exec") ? KrakenMapper.decimal(o, "vol_exec") : null;
                String reason = o.path("cancel_reason").asText(o.path("reason").asText(""));
                long timeNs = o.hasNonNull("lastupdated") ? KrakenMapper.secondsToNs(o.get("lastupdated"))
                        : o.hasNonNull("opentm") ? KrakenMapper.secondsToNs(o.get("opentm")) : 0L;
                if (status.isEmpty()) {
                    continue; // a change of something other than the status (e.g. executed volume alone)
                }
                orders.onOrderUpdate(txid, KrakenMapper.clientOrderId(o), status, executed, reason, timeNs);
            }
        }
        if (snapshot) {
            account.reconcile(listed);
        }
    }

    /** Text without the token or the API credentials. */
    private String scrub(String text) {
        if (text == null) {
            return null;
        }
        String t = token;
        return redact.apply(t == null ? text : text.replace(t, "***"));
    }

    private static String subscribe(String channel, String token, Boolean snapshot) {
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("name", channel);
        subscription.put("token", token);
        if (snapshot != null) {
            subscription.put("snapshot", snapshot);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "subscribe");
        m.put("subscription", subscription);
        return KrakenMapper.write(m);
    }
}
