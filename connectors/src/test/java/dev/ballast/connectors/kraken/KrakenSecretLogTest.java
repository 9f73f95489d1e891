package dev.ballast.connectors.kraken;

import static dev.ballast.connectors.kraken.KrakenLoopback.await;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ballast.connectors.live.Credentials;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueHealth;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Everything the Kraken venue prints while it works and while things go wrong — every log line of every logger,
 * from DEBUG, the events it emits and the exceptions it throws — holds neither the API secret, nor the API key,
 * nor a request signature, nor the WebSocket token.
 */
class KrakenSecretLogTest {
    private static final InstrumentId XBT_CHF = InstrumentId.of("kraken", "XBT/CHF");
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ballast = (Logger) LoggerFactory.getLogger("dev.ballast");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level ballastLevel;
    private KrakenLoopback kraken;

    @BeforeEach
    void captureLogs() {
        ballastLevel = ballast.getLevel();
        ballast.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
        kraken = new KrakenLoopback();
    }

    @AfterEach
    void restoreLogs() {
        kraken.close();
        root.detachAppender(appender);
        ballast.setLevel(ballastLevel);
    }

    @Test
    void shouldNeverPrintTheSecretTheKeyASignatureOrTheToken() {
        List<String> printed = new ArrayList<>();
        kraken.privateStub("CancelOrder", "{\"error\":[\"EOrder:Unknown order\"]}");
        kraken.privateStubWhen("AddOrder", "cl_ord_id=echo1",
                "{\"error\":[\"EGeneral:Invalid arguments:key " + KrakenLoopback.API_KEY + "\"]}");
        kraken.privateStubSlow("AddOrder", KrakenLoopback.fixture("trading/example-addorder-response-data.json"),
                KrakenLoopback.SLOW);
        KrakenVenue venue = kraken.venue();
        venue.start(kraken.sink);
        await().until(() -> venue.checkHealth() == VenueHealth.HEALTHY);

        venue.place(order("echo1"));
        venue.place(order("slow1"));
        venue.cancel(XBT_CHF, new ClientOrderId("gone1"));
        kraken.pushPrivate("{\"event\":\"subscriptionStatus\",\"channelName\":\"ownTrades\",\"status\":\"error\","
                + "\"errorMessage\":\"EGeneral:Invalid arguments:token " + KrakenLoopback.WS_TOKEN + "\"}");
        kraken.pushPrivate("[[{\"T1\":{\"pair\":\"" + KrakenLoopback.WS_TOKEN + "\"}}],\"ownTrades\","
                + "{\"sequence\":9}]");
        kraken.pushPublic("{not json " + KrakenLoopback.API_KEY);
        kraken.privateStub("BalanceEx", "{\"error\":[\"EAPI:Invalid key " + KrakenLoopback.API_KEY + "\"]}");
        try {
            venue.balances();
        } catch (KrakenCallException e) {
            printed.add(e.getMessage());
        }
        try {
            new KrakenSigner(new Credentials(KrakenLoopback.API_KEY, "not*base64" + KrakenLoopback.SECRET, null),
                    () -> 0L);
        } catch (IllegalArgumentException e) {
            printed.add(e.getMessage());
        }
        await().until(() -> kraken.sink.forOrder(new ClientOrderId("slow1")).size() == 1
                && kraken.sink.forOrder(new ClientOrderId("echo1")).size() == 1
                && kraken.sink.forOrder(new ClientOrderId("gone1")).size() == 1);

        kraken.sink.events().forEach(e -> printed.add(e.toString()));
        printed.add(venue.toString());
        printed.add(kraken.config().toString());
        printed.addAll(logLines());
        List<String> signatures = kraken.rest.getAllServeEvents().stream()
                .map(e -> e.getRequest().getHeader("API-Sign")).filter(s -> s != null).toList();
        assertThat(signatures).hasSizeGreaterThan(5);
        assertThat(logLines()).anySatisfy(l -> assertThat(l).contains("outcome unknown"));
        assertThat(logLines()).anySatisfy(l -> assertThat(l).contains("subscription to ownTrades refused"));
        for (String text : printed) {
            assertThat(text).doesNotContain(KrakenLoopback.SECRET).doesNotContain(KrakenLoopback.API_KEY)
                    .doesNotContain(KrakenLoopback.WS_TOKEN);
            for (String signature : signatures) {
                assertThat(text).doesNotContain(signature);
            }
        }
        assertThat(kraken.privateCalls("AddOrder")).extracting(LoggedRequest::getBodyAsString)
                .allSatisfy(b -> assertThat(b).doesNotContain(KrakenLoopback.SECRET));
    }

    private List<String> logLines() {
        List<String> out = new ArrayList<>();
        synchronized (appender) {
            for (ILoggingEvent e : new ArrayList<>(appender.list)) {
                StringBuilder line = new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
                for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
                }
                out.add(line.toString());
            }
        }
        return out;
    }

    private static OrderRequest order(String id) {
        return new OrderRequest(new ClientOrderId(id), XBT_CHF, Side.BUY, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("56000.0"), new BigDecimal("0.001"));
    }
}
