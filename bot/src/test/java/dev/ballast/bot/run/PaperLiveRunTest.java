package dev.ballast.bot.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.ballast.bot.cli.BallastCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * `ballast run` in paper-live mode against a Kraken on loopback: the exchange's real {@code AssetPairs} reply
 * (cryptofeed capture, 2021-04-17) over REST and its real XMR/USD book-1000 frames (with their checksums) over a
 * WebSocket. The bot reads the market's tick and lot from the exchange, syncs the book, quotes on paper, shows the
 * venue's health and stops flat. No order reaches the exchange: only public endpoints are ever called.
 */
class PaperLiveRunTest {
    private static final Path CAPTURES = projectRoot().resolve("../shared/data/captures").normalize();

    @TempDir
    Path dir;

    /** The checkout's root (where config.yaml and pom.xml are): the shared data sits beside it. */
    private static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (!(Files.exists(p.resolve("config.yaml")) && Files.exists(p.resolve("pom.xml")))) {
            p = p.getParent();
        }
        return p;
    }

    private final WireMockServer rest = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
            .dynamicPort());
    private final MockWebServer publicWs = new MockWebServer();
    private final MockWebServer privateWs = new MockWebServer();
    private final List<String> subscriptions = new CopyOnWriteArrayList<>();
    private final List<WebSocket> serverSides = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> orders = new ListAppender<>();

    @BeforeEach
    void loopbackKraken() throws IOException {
        String assetPairs = Files.readAllLines(CAPTURES.resolve("KRAKEN.0")).get(0);
        rest.start();
        rest.stubFor(get(urlPathEqualTo("/0/public/AssetPairs")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(assetPairs.substring(assetPairs.indexOf(": ") + 2))));
        List<String> xmrFrames = Files.readAllLines(CAPTURES.resolve("KRAKEN.ws.50.0")).stream()
                .filter(l -> !l.startsWith("wss://") && l.contains(": "))
                .map(l -> l.substring(l.indexOf(": ") + 2))
                .filter(f -> f.startsWith("[992,") || f.contains("\"channelID\":992,"))
                .toList();
        publicWs.start(InetAddress.getLoopbackAddress(), 0);
        publicWs.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response response) {
                serverSides.add(ws);
                ws.send("{\"connectionID\":1,\"event\":\"systemStatus\",\"status\":\"online\",\"version\":\"1.8.3\"}");
            }

            @Override
            public void onMessage(WebSocket ws, String text) {
                subscriptions.add(text);
                if (text.contains("\"book\"") && text.contains("XMR/USD")) {
                    xmrFrames.forEach(ws::send);
                }
            }
        }).build());
        privateWs.start(InetAddress.getLoopbackAddress(), 0);
        Logger logger = (Logger) LoggerFactory.getLogger("ballast.orders");
        orders.start();
        logger.addAppender(orders);
        logger.setLevel(ch.qos.logback.classic.Level.INFO); // the tests' root level is WARN
    }

    @AfterEach
    void stop() throws IOException {
        Logger logger = (Logger) LoggerFactory.getLogger("ballast.orders");
        logger.detachAppender(orders);
        logger.setLevel(null);
        rest.stop();
        serverSides.forEach(ws -> ws.close(1001, "test over"));
        publicWs.close();
        privateWs.close();
    }

    @Test
    void shouldQuoteOnPaperAgainstARealBookAndStopFlatWithoutCallingAPrivateEndpoint() throws IOException {
        Path config = dir.resolve("paper-live.yaml");
        Files.writeString(config, """
                mode: paper-live
                quoteCurrency: USD
                engine:
                  statusIntervalMs: 500
                  requoteIntervalMs: 100
                journal:
                  url: %s
                venues:
                  kraken:
                    type: kraken
                    restUrl: %s
                    wsUrl: ws://127.0.0.1:%d/
                    privateWsUrl: ws://127.0.0.1:%d/
                    markets:
                      XMR/USD: { base: XMR, quote: USD }
                    latencyMs: 20
                    balances: { XMR: 10, USD: 5000 }
                assets:
                  XMR:
                    target: 10
                    band: 0.5
                    maxPosition: 3
                    quoteSize: 0.5
                    model: linear
                    spreadBps: 20.0
                    skewBpsPerUnit: 5.0
                    hedge:
                      enabled: false
                """.formatted(dir.resolve("journal.db"), rest.baseUrl(), publicWs.getPort(), privateWs.getPort()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = BallastCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("run", "--config", config.toString(), "--duration", "4s");

        assertThat(code).as(err.toString()).isZero();
        assertThat(subscriptions).anySatisfy(s -> assertThat(s).contains("XMR/USD").contains("book"));
        List<String> lines = orders.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).as("quotes placed on paper against the real book; subscriptions " + subscriptions)
                .anySatisfy(l -> assertThat(l).startsWith("PLACE").contains("kraken").contains("XMR/USD"));
        assertThat(rest.findAll(anyRequestedFor(anyUrl())))
                .as("only the public REST API was asked")
                .allSatisfy(r -> assertThat(r.getUrl()).startsWith("/0/public/"));
        assertThat(privateWs.getRequestCount()).as("no private stream without keys").isZero();
    }
}
