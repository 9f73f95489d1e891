package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.connectors.binance.BinanceMessageParser.MessageType;
import dev.ballast.core.Side;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.PublicTrade;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Binance mapper on messages shaped like the recorded ones (values taken from hftbacktest's BTC capture
 * of 2024-08-08, MIT; level lists shortened).
 */
class BinanceMessageParserTest {
    private static final long LOCAL_NS = 1_723_161_253_937_085_768L;

    private final RecordingHandler handler = new RecordingHandler();

    private MessageType parse(BinanceMarket market, String json) throws MalformedMessageException {
        byte[] bytes = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
        return new BinanceMessageParser(market).parse(bytes, 2, bytes.length - 4, LOCAL_NS, handler);
    }

    @Test
    void shouldMapASpotDepthUpdateToADeltaWithoutPreviousId() throws Exception {
        MessageType type = parse(BinanceMarket.SPOT, "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
                + "\"E\":1723161255208,\"s\":\"BTCUSDT\",\"U\":50093239189,\"u\":50093239202,"
                + "\"b\":[[\"61737.63000000\",\"0.00000000\"],[\"24426.99000000\",\"0.00022000\"]],"
                + "\"a\":[[\"61837.64000000\",\"1.54698000\"]]}}");

        assertThat(type).isEqualTo(MessageType.DELTA);
        BookDelta delta = handler.only(BookDelta.class);
        assertThat(delta.instrument()).isEqualTo(BinanceMarket.SPOT.instrument().id());
        assertThat(delta.firstUpdateId()).isEqualTo(50_093_239_189L);
        assertThat(delta.lastUpdateId()).isEqualTo(50_093_239_202L);
        assertThat(delta.prevUpdateId()).isEqualTo(-1);
        assertThat(delta.bidCount()).isEqualTo(2);
        assertThat(delta.bidTicks()).containsExactly(6_173_763, 2_442_699);
        assertThat(delta.bidLots()).containsExactly(0, 22);
        assertThat(delta.askTicks()).containsExactly(6_183_764);
        assertThat(delta.askLots()).containsExactly(154_698);
        assertThat(delta.timestampNs()).isEqualTo(1_723_161_255_208_000_000L);
        assertThat(handler.localNs).containsExactly(LOCAL_NS);
    }

    @Test
    void shouldMapAFuturesDepthUpdateToADeltaLinkedByPu() throws Exception {
        parse(BinanceMarket.USDM, "{\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1723161256299,"
                + "\"T\":1723161256298,\"s\":\"BTCUSDT\",\"U\":5123107832006,\"u\":5123107837557,\"pu\":5123107831937,"
                + "\"b\":[[\"58710.20\",\"0.014\"],[\"61510.90\",\"0.000\"]],\"a\":[]}}");

        BookDelta delta = handler.only(BookDelta.class);
        assertThat(delta.prevUpdateId()).isEqualTo(5_123_107_831_937L);
        assertThat(delta.bidTicks()).containsExactly(587_102, 615_109);
        assertThat(delta.bidLots()).containsExactly(14, 0);
        assertThat(delta.askCount()).isZero();
    }

    @Test
    void shouldTakeABuyerMakerTradeAsASellAggressor() throws Exception {
        parse(BinanceMarket.SPOT, "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
                + "\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\","
                + "\"T\":1723161255342,\"m\":true,\"M\":true}}");

        PublicTrade trade = handler.only(PublicTrade.class);
        assertThat(trade.aggressor()).isEqualTo(Side.SELL);
        assertThat(trade.priceTicks()).isEqualTo(6_183_763);
        assertThat(trade.sizeLots()).isEqualTo(2_000);
        assertThat(trade.timestampNs()).isEqualTo(1_723_161_255_343_000_000L);
    }

    @Test
    void shouldTakeASellerMakerTradeAsABuyAggressorCountingCoinmContracts() throws Exception {
        parse(BinanceMarket.COINM, "{\"stream\":\"btcusd_perp@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161257687,"
                + "\"T\":1723161257679,\"s\":\"BTCUSD_PERP\",\"t\":849714402,\"p\":\"61804.8\",\"q\":\"4\","
                + "\"X\":\"MARKET\",\"m\":false}}");

        PublicTrade trade = handler.only(PublicTrade.class);
        assertThat(trade.aggressor()).isEqualTo(Side.BUY);
        assertThat(trade.priceTicks()).isEqualTo(618_048);
        assertThat(trade.sizeLots()).isEqualTo(4);
    }

    @Test
    void shouldStampTheSpotRestSnapshotWithTheLocalTimeForLackOfAnEventTime() throws Exception {
        MessageType type = parse(BinanceMarket.SPOT, "{\"lastUpdateId\":50093239218,"
                + "\"bids\":[[\"61837.63000000\",\"3.78826000\"],[\"61837.62000000\",\"0.61700000\"]],"
                + "\"asks\":[[\"61837.64000000\",\"1.54698000\"]]}");

        assertThat(type).isEqualTo(MessageType.SNAPSHOT);
        BookSnapshot snapshot = handler.only(BookSnapshot.class);
        assertThat(snapshot.updateId()).isEqualTo(50_093_239_218L);
        assertThat(snapshot.bidTicks()).containsExactly(6_183_763, 6_183_762);
        assertThat(snapshot.bidLots()).containsExactly(378_826, 61_700);
        assertThat(snapshot.askCount()).isEqualTo(1);
        assertThat(snapshot.timestampNs()).isEqualTo(LOCAL_NS);
    }

    @Test
    void shouldStampTheFuturesRestSnapshotWithItsEventTime() throws Exception {
        parse(BinanceMarket.COINM, "{\"lastUpdateId\":1007198635033,\"E\":1723161257835,\"T\":1723161257823,"
                + "\"symbol\":\"BTCUSD_PERP\",\"pair\":\"BTCUSD\",\"bids\":[[\"61804.7\",\"35\"]],"
                + "\"asks\":[[\"61804.8\",\"1645\"]]}");

        BookSnapshot snapshot = handler.only(BookSnapshot.class);
        assertThat(snapshot.timestampNs()).isEqualTo(1_723_161_257_835_000_000L);
        assertThat(snapshot.bidLots()).containsExactly(35);
        assertThat(snapshot.askLots()).containsExactly(1_645);
    }

    @Test
    void shouldMapBookTickersWithTheirUpdateId() throws Exception {
        parse(BinanceMarket.SPOT, "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":50093239212,\"s\":\"BTCUSDT\","
                + "\"b\":\"61837.63000000\",\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.54698000\"}}");
        parse(BinanceMarket.USDM, "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":5123107839020,"
                + "\"s\":\"BTCUSDT\",\"b\":\"61800.20\",\"B\":\"2.507\",\"a\":\"61800.30\",\"A\":\"2.510\","
                + "\"T\":1723161256313,\"E\":1723161256313}}");

        assertThat(handler.values).containsExactly(
                new BinanceBookTicker(BinanceMarket.SPOT.instrument().id(), 50_093_239_212L,
                        6_183_763, 378_826, 6_183_764, 154_698, LOCAL_NS),
                new BinanceBookTicker(BinanceMarket.USDM.instrument().id(), 5_123_107_839_020L,
                        618_002, 2_507, 618_003, 2_510, 1_723_161_256_313_000_000L));
    }

    @Test
    void shouldParseMessageAfterMessageWithOneParserAndRecoverAfterAMalformedOne() throws Exception {
        BinanceMessageParser parser = new BinanceMessageParser(BinanceMarket.SPOT);
        String trade = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
                + "\"s\":\"BTCUSDT\",\"p\":\"61837.63\",\"q\":\"0.02\",\"m\":true,\"x\":{\"y\":[1,[2]]}}}";
        String[] messages = {trade, "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"tra", trade,
                "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]} x", trade + "  ", "{\"a\":[1,", trade};
        MessageType[] types = new MessageType[messages.length];

        for (int i = 0; i < messages.length; i++) {
            byte[] bytes = messages[i].getBytes(StandardCharsets.UTF_8);
            try {
                types[i] = parser.parse(bytes, 0, bytes.length, LOCAL_NS, handler);
            } catch (MalformedMessageException e) {
                types[i] = null;
            }
        }

        assertThat(types).containsExactly(MessageType.TRADE, null, MessageType.TRADE, null, MessageType.TRADE, null,
                MessageType.TRADE);
        assertThat(handler.values).hasSize(4).allSatisfy(v -> assertThat(v).isEqualTo(
                new PublicTrade(BinanceMarket.SPOT.instrument().id(), 6_183_763, 2_000, Side.SELL,
                        1_723_161_255_343_000_000L)));
    }

    @Test
    void shouldTellABookTickerFromItsFirstBytesAndNothingElse() {
        BinanceMessageParser spot = new BinanceMessageParser(BinanceMarket.SPOT);
        BinanceMessageParser coinm = new BinanceMessageParser(BinanceMarket.COINM);

        assertThat(isBookTicker(spot, "xx{\"stream\":\"btcusdt@bookTicker\",\"data\":{}}", 2)).isTrue();
        assertThat(isBookTicker(coinm, "{\"stream\":\"btcusd_perp@bookTicker\",\"data\":{}}", 0)).isTrue();
        assertThat(isBookTicker(spot, "{\"stream\":\"btcusdt@trade\",\"data\":{}}", 0)).isFalse();
        assertThat(isBookTicker(spot, "{\"stream\":\"ethusdt@bookTicker\",\"data\":{}}", 0)).isFalse();
        assertThat(isBookTicker(spot, "{\"data\":{},\"stream\":\"btcusdt@bookTicker\"}", 0)).isFalse();
        assertThat(isBookTicker(spot, "{\"stream\":\"btcusdt@book", 0)).isFalse();
    }

    private static boolean isBookTicker(BinanceMessageParser parser, String text, int offset) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return parser.isBookTicker(bytes, offset, bytes.length - offset);
    }

    @Test
    void shouldReadFieldsInAnyOrder() throws Exception {
        parse(BinanceMarket.USDM, "{\"data\":{\"a\":[[\"61800.30\",\"1.000\"]],\"pu\":9,\"b\":[],\"u\":12,"
                + "\"E\":1723161256299,\"U\":10,\"s\":\"BTCUSDT\",\"e\":\"depthUpdate\"},"
                + "\"stream\":\"btcusdt@depth@0ms\"}");

        BookDelta delta = handler.only(BookDelta.class);
        assertThat(delta.firstUpdateId()).isEqualTo(10);
        assertThat(delta.lastUpdateId()).isEqualTo(12);
        assertThat(delta.prevUpdateId()).isEqualTo(9);
        assertThat(delta.askLots()).containsExactly(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":\"1.00\"}}",
            "{\"stream\":\"btcusdt@depth20@100ms\",\"data\":{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}}",
            "{\"stream\":\"ethusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"ETHUSDT\",\"p\":\"2500.01\","
                    + "\"q\":\"0.10000000\",\"m\":true}}"})
    void shouldIgnoreOtherStreamsAndOtherSymbols(String json) throws Exception {
        assertThat(parse(BinanceMarket.SPOT, json)).isEqualTo(MessageType.IGNORED);
        assertThat(handler.values).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // price off the 0.01 tick
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":\"61837.635\","
                    + "\"q\":\"0.02000000\",\"m\":true}}",
            // no u
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"U\":5,\"b\":[],\"a\":[]}}",
            // zero-size trade
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"p\":\"61837.63\",\"q\":\"0.0\",\"m\":true}}",
            // a level that is not [price, size]
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"U\":5,\"u\":6,"
                    + "\"b\":[[\"61837.63\"]],\"a\":[]}}",
            // an id that is a string
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"U\":\"5\",\"u\":6,"
                    + "\"b\":[],\"a\":[]}}",
            // a price that is a number
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"p\":61837.63,\"q\":\"0.1\",\"m\":true}}",
            // event type disagrees with the stream
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"U\":5,\"u\":6,\"b\":[],\"a\":[]}}",
            // neither envelope nor snapshot
            "{\"result\":null,\"id\":1}",
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpd",
            "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]} trailing",
            "[1,2,3]",
            "not json at all"})
    void shouldRefuseMalformedMessagesAndHandNothingOver(String json) {
        assertThatThrownBy(() -> parse(BinanceMarket.SPOT, json)).isInstanceOf(MalformedMessageException.class);
        assertThat(handler.values).isEmpty();
    }

    @Test
    void shouldRefuseAFuturesDepthUpdateWithoutPu() {
        assertThatThrownBy(() -> parse(BinanceMarket.USDM, "{\"stream\":\"btcusdt@depth@0ms\",\"data\":"
                + "{\"e\":\"depthUpdate\",\"E\":1,\"U\":5,\"u\":6,\"b\":[],\"a\":[]}}"))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void shouldLetWhatTheHandlerThrowsThroughRatherThanCallTheMessageMalformed() {
        byte[] json = ("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"p\":\"61837.63\","
                + "\"q\":\"0.1\",\"m\":true}}").getBytes(StandardCharsets.UTF_8);
        BinanceMessageHandler refusing = new RecordingHandler() {
            @Override
            public void onTrade(PublicTrade trade, long local) {
                throw new IllegalArgumentException("not my instrument");
            }
        };

        assertThatThrownBy(() -> new BinanceMessageParser(BinanceMarket.SPOT).parse(json, 0, json.length, 0, refusing))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not my instrument");
    }

    @Test
    void shouldRoundASizeOffTheLotGridUpAndCountIt() throws Exception {
        BinanceMessageParser parser = new BinanceMessageParser(BinanceMarket.SPOT);
        byte[] json = ("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"U\":5,\"u\":6,"
                + "\"b\":[],\"a\":[[\"200000.00000000\",\"25.42618900\"]]}}").getBytes(StandardCharsets.UTF_8);

        parser.parse(json, 0, json.length, LOCAL_NS, handler);

        assertThat(handler.only(BookDelta.class).askLots()).containsExactly(2_542_619);
        assertThat(parser.roundedSizes()).isEqualTo(1);
    }
}
