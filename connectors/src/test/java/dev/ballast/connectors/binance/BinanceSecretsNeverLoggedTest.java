package dev.ballast.connectors.binance;

import dev.ballast.connectors.testing.ConcurrentSink;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ballast.connectors.binance.BinanceLoopback.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.event.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every log line of a Binance venue's life, read back with Ballast's loggers at TRACE: start, streams, orders
 * accepted, rejected, timed out and settled, a cancel refused, a listen key kept alive and refused, an account read
 * refused, all while Binance's replies echo the key and the secret back. Neither appears in any line, exception
 * message, event or status. (The loopback servers' own loggers are left out: they are not part of the bot.)
 */
class BinanceSecretsNeverLoggedTest {
    private static final String ECHO = "{\"code\":-2015,\"msg\":\"Invalid API-key " + BinanceLoopback.API_KEY
            + ", IP, or permissions for action; secret " + BinanceLoopback.SECRET + "\"}";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ballast = (Logger) LoggerFactory.getLogger("dev.ballast");
    private Level ballastLevel;
    private BinanceLoopback loop;
    private BinanceVenue venue;

    @BeforeEach
    void capture() {
        ballastLevel = ballast.getLevel();
        ballast.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        if (venue != null) {
            venue.close();
        }
        if (loop != null) {
            loop.close();
        }
        root.detachAppender(appender);
        ballast.setLevel(ballastLevel);
    }

    @Test
    void shouldNeverLogTheApiKeyOrSecretWhateverHappens() {
        loop = new BinanceLoopback(BinanceProduct.SPOT);
        loop.replayOnConnect(BinanceCaptures.subscribedFrames(BinanceCaptures.SPOT_WS, "NKNUSDT"));
        BinanceVenueConfig config = loop.config("NKNUSDT").withTimings(Duration.ofMillis(200), Duration.ofMinutes(10),
                Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(50),
                Duration.ofMillis(50));
        venue = loop.venue(config, Duration.ofSeconds(1));
        loop.rest.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(400).withBody(ECHO)));
        loop.rest.stubFor(delete(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(400)
                .withBody(ECHO.replace("-2015", "-2011"))));
        loop.rest.stubFor(get(urlPathEqualTo("/api/v3/account")).willReturn(aResponse().withStatus(401).withBody(ECHO)));
        loop.rest.stubFor(put(urlPathEqualTo("/api/v3/userDataStream")).willReturn(aResponse().withStatus(400)
                .withBody(ECHO)));
        ConcurrentSink sink = new ConcurrentSink();
        venue.start(sink);
        soon().until(() -> venue.feed("NKNUSDT").isValid());
        var nkn = venue.instruments().get(0).id();

        OrderRequest refused = new OrderRequest(new ClientOrderId("s1"), nkn, Side.BUY, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("0.3400"), new BigDecimal("100"));
        venue.place(refused);
        venue.cancel(nkn, new ClientOrderId("s2"));
        soon().until(() -> !sink.forOrder(new ClientOrderId("s2")).isEmpty()
                && !sink.forOrder(refused.clientOrderId()).isEmpty());
        loop.rest.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(3_000).withBody(ECHO)));
        loop.rest.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(400).withBody(
                ECHO.replace("-2015", "-2013"))));
        venue.place(new OrderRequest(new ClientOrderId("s3"), nkn, Side.BUY, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("0.3400"), new BigDecimal("100")));
        assertThatThrownBy(venue::balances).satisfies(e -> assertClean(e.getMessage()));
        loop.clock.advance(Duration.ofSeconds(5));
        soon().until(() -> !sink.forOrder(new ClientOrderId("s3")).isEmpty());
        soon().until(() -> appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("keep-alive")));

        assertThat(appender.list).as("something was logged").hasSizeGreaterThan(5);
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            if (e.getLoggerName().startsWith("org.eclipse.jetty") || e.getLoggerName().startsWith("wiremock")
                    || e.getLoggerName().startsWith("com.github.tomakehurst")) {
                continue;
            }
            lines.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getMessage());
            }
        }
        lines.forEach(BinanceSecretsNeverLoggedTest::assertClean);
        for (Event e : sink.events()) {
            assertClean(e.toString());
        }
        assertThat(lines).anyMatch(l -> l != null && l.contains("***"));
    }

    private static void assertClean(String text) {
        if (text != null) {
            assertThat(text).doesNotContain(BinanceLoopback.SECRET).doesNotContain(BinanceLoopback.API_KEY);
        }
    }
}
