package dev.ballast.connectors.okx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.ballast.connectors.live.Credentials;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueHealth;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while the OKX venue does its whole job with test credentials — login, signed REST, order entry,
 * rejects, a failed call, a refused login, a dropped private stream — at DEBUG, captured from the root logger: no
 * line, exception or stack text contains the API key, the secret or the passphrase. Exception messages thrown to
 * callers, the config's text and the venue's text are checked too.
 */
class OkxSecretsLogTest {
    private static final InstrumentId BTC_USDT = new InstrumentId(OkxTestData.VENUE, "BTC-USDT");
    private static final Credentials WRONG = new Credentials(OkxLoopback.CREDENTIALS.apiKey(),
            "okx-test-WRONG-secret-never-printed", OkxLoopback.CREDENTIALS.passphrase());
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ballast = (Logger) LoggerFactory.getLogger("dev.ballast");
    private Level rootLevel;
    private Level ballastLevel;

    @BeforeEach
    void capture() {
        rootLevel = root.getLevel();
        ballastLevel = ballast.getLevel();
        root.setLevel(Level.DEBUG);
        ballast.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        ballast.setLevel(ballastLevel);
    }

    @Test
    void shouldNeverPrintTheKeySecretOrPassphrase() {
        List<String> thrownTexts = new ArrayList<>();
        try (OkxLoopback okx = OkxLoopback.trading()) {
            thrownTexts.add(okx.venue.toString());
            okx.venue.balances();
            okx.venue.fees(BTC_USDT);
            okx.venue.openOrders();
            okx.venue.orderStatus(BTC_USDT, new ClientOrderId("b1l2x0s0"));
            okx.venue.tradesSince(BTC_USDT, new TradeId("312837717"));
            okx.venue.start(okx.sink);
            await().atMost(WAIT).until(() -> okx.venue.health() == VenueHealth.HEALTHY);

            ClientOrderId id = new ClientOrderId("b1l2x0s1");
            okx.venue.place(new OrderRequest(id, BTC_USDT, Side.BUY, OrderType.LIMIT_POST_ONLY,
                    new BigDecimal("30100.5"), new BigDecimal("0.002")));
            await().atMost(WAIT).until(() -> okx.posts("/api/v5/trade/order") == 1);
            okx.pushOrder("ws-order-live.json", id.value());
            okx.pushOrder("ws-order-partially-filled.json", id.value());
            okx.stubPost("/api/v5/trade/cancel-order", "cancel-unknown.json");
            okx.venue.cancel(BTC_USDT, id);
            okx.stubPost("/api/v5/trade/order", "place-insufficient.json");
            ClientOrderId refused = new ClientOrderId("b1l2x0s2");
            okx.venue.place(new OrderRequest(refused, BTC_USDT, Side.SELL, OrderType.LIMIT_IOC,
                    new BigDecimal("30000"), new BigDecimal("5")));
            await().atMost(WAIT).until(() -> okx.sink.forOrder(id).size() >= 3 && !okx.sink.forOrder(refused).isEmpty());

            okx.stub(get(urlPathEqualTo("/api/v5/account/balance")).willReturn(aResponse().withStatus(500)
                    .withBody("error for key " + OkxLoopback.CREDENTIALS.apiKey())));
            Throwable failure = catchThrowable(okx.venue::balances);
            assertThat(failure).isInstanceOf(OkxCallException.class);
            thrownTexts.add(failure.toString());

            okx.ws.dropPrivate();
            await().atMost(WAIT).until(() -> okx.ws.privateReceived().stream().filter(f -> f.contains("login"))
                    .count() == 2);
        }
        try (OkxLoopback refusedLogin = new OkxLoopback(List.of("BTC-USDT"), WRONG)) {
            refusedLogin.venue.start(refusedLogin.sink);
            await().atMost(WAIT).until(() -> appender.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("login refused")));
            thrownTexts.add(OkxConfig.of(List.of("BTC-USDT"), WRONG).toString());
        }

        List<String> logged = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            logged.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                logged.add(t.getClassName() + ": " + t.getMessage());
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    logged.add(frame.getSTEAsString());
                }
            }
        }
        assertThat(appender.list).as("the capture works: OKX classes logged at DEBUG and above")
                .anyMatch(e -> e.getLoggerName().contains("okx"))
                .anyMatch(e -> e.getLevel() == Level.DEBUG);
        for (String secret : List.of(OkxLoopback.CREDENTIALS.apiKey(), OkxLoopback.CREDENTIALS.secret(),
                OkxLoopback.CREDENTIALS.passphrase(), WRONG.secret())) {
            assertThat(logged).as("log lines").noneMatch(line -> line != null && line.contains(secret));
            assertThat(thrownTexts).as("exception and object texts").noneMatch(text -> text.contains(secret));
        }
    }
}
