package dev.ballast.connectors.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.event.VenueStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every value and event survives the wire exactly: encoded, written as text, read and decoded again. */
class RemoteCodecTest {
    private static final VenueId VENUE = VenueId.of("sim-a");
    private static final InstrumentId BTCUSDT = new InstrumentId(VENUE, "BTCUSDT");
    private static final ClientOrderId ID = new ClientOrderId("blk3x9a2m0q7");
    private static final long T = 1_700_000_000_123_456_789L;

    private final RemoteCodec codec = new RemoteCodec(VENUE);

    @Test
    void shouldCarryEveryOrderEventUnchanged() {
        List<Event> events = List.of(
                new OrderAccepted(BTCUSDT, ID, new VenueOrderId("17"), T),
                new OrderRejected(BTCUSDT, ID, RejectReason.POST_ONLY_WOULD_CROSS, "would cross at 60000.01", T),
                new OrderCancelled(BTCUSDT, ID, "ioc expired", T),
                new CancelRejected(BTCUSDT, ID, RejectReason.UNKNOWN_ORDER, "unknown or finished order", T),
                new OrderFilled(fill()),
                new PublicTrade(BTCUSDT, 6_000_001, 35, Side.SELL, T),
                new VenueStatus(VENUE, VenueHealth.DISCONNECTED, "event stream lost", T));

        for (Event e : events) {
            assertThat(roundTrip(e)).as(e.getClass().getSimpleName()).isEqualTo(e);
        }
    }

    @Test
    void shouldCarryABookSnapshotsLevelsAndUpdateId() {
        Random random = new Random(3);
        long[] bidTicks = new long[25];
        long[] bidLots = new long[25];
        long[] askTicks = new long[25];
        long[] askLots = new long[25];
        for (int i = 0; i < 25; i++) {
            bidTicks[i] = 6_000_000 - i;
            bidLots[i] = 1 + random.nextInt(10_000);
            askTicks[i] = 6_000_001 + i;
            askLots[i] = 1 + random.nextInt(10_000);
        }
        BookSnapshot s = new BookSnapshot(BTCUSDT, 991, bidTicks, bidLots, 20, askTicks, askLots, 18, T);

        BookSnapshot back = (BookSnapshot) roundTrip(s);

        assertThat(back.instrument()).isEqualTo(BTCUSDT);
        assertThat(back.updateId()).isEqualTo(991);
        assertThat(back.bidCount()).isEqualTo(20);
        assertThat(back.askCount()).isEqualTo(18);
        assertThat(java.util.Arrays.copyOf(back.bidTicks(), 20)).containsExactly(java.util.Arrays.copyOf(bidTicks, 20));
        assertThat(java.util.Arrays.copyOf(back.bidLots(), 20)).containsExactly(java.util.Arrays.copyOf(bidLots, 20));
        assertThat(java.util.Arrays.copyOf(back.askTicks(), 18)).containsExactly(java.util.Arrays.copyOf(askTicks, 18));
        assertThat(java.util.Arrays.copyOf(back.askLots(), 18)).containsExactly(java.util.Arrays.copyOf(askLots, 18));
        assertThat(back.timestampNs()).isEqualTo(T);
    }

    @Test
    void shouldCarryABookDeltaWithLevelRemovalsAndItsUpdateRange() {
        BookDelta d = new BookDelta(BTCUSDT, 992, 994, -1, new long[] {6_000_000, 5_999_990}, new long[] {0, 7}, 2,
                new long[] {6_000_003}, new long[] {12}, 1, T);

        BookDelta back = (BookDelta) roundTrip(d);

        assertThat(back.firstUpdateId()).isEqualTo(992);
        assertThat(back.lastUpdateId()).isEqualTo(994);
        assertThat(back.prevUpdateId()).isEqualTo(-1);
        assertThat(back.bidTicks()).containsExactly(6_000_000, 5_999_990);
        assertThat(back.bidLots()).containsExactly(0, 7);
        assertThat(back.askTicks()).containsExactly(6_000_003);
        assertThat(back.askLots()).containsExactly(12);
    }

    @Test
    void shouldKeepDecimalsExactlyAsWrittenIncludingTheirScale() {
        Fill f = fill();

        Fill back = ((OrderFilled) roundTrip(new OrderFilled(f))).fill();

        assertThat(back.price()).isEqualTo(new BigDecimal("60000.10")); // scale 2 kept, not 60000.1
        assertThat(back.fee()).isEqualTo(new BigDecimal("0.0000000123456789"));
    }

    @Test
    void shouldCarryOrderRequestsOfEveryTypeIncludingAMarketOrderWithoutPrice() {
        List<OrderRequest> requests = List.of(
                new OrderRequest(ID, BTCUSDT, Side.BUY, OrderType.LIMIT_POST_ONLY, new BigDecimal("59999.99"),
                        new BigDecimal("0.0150")),
                new OrderRequest(ID, BTCUSDT, Side.SELL, OrderType.LIMIT_IOC, new BigDecimal("60001"),
                        new BigDecimal("1")),
                new OrderRequest(ID, BTCUSDT, Side.SELL, OrderType.MARKET, null, new BigDecimal("0.3")));

        for (OrderRequest r : requests) {
            assertThat(codec.orderRequest(reread(codec.orderRequest(r)))).isEqualTo(r);
        }
    }

    @Test
    void shouldCarryReferenceAndAccountValues() {
        Instrument instrument = new Instrument(BTCUSDT, Asset.of("BTC"), Asset.of("USDT"), new BigDecimal("0.01"),
                new BigDecimal("0.0001"), new BigDecimal("5"));
        FeeSchedule fees = new FeeSchedule(new BigDecimal("-0.0001"), new BigDecimal("0.0005"));
        Map<Asset, Balance> balances = new LinkedHashMap<>();
        balances.put(Asset.of("USDT"), new Balance(Asset.of("USDT"), new BigDecimal("50000.5"),
                new BigDecimal("49000.25"), new BigDecimal("1000.25")));
        balances.put(Asset.of("BTC"), Balance.ofFree(Asset.of("BTC"), new BigDecimal("0.5")));
        OpenOrder open = new OpenOrder(ID, new VenueOrderId("3"), BTCUSDT, Side.SELL, new BigDecimal("60010"),
                new BigDecimal("0.02"), new BigDecimal("0.005"));
        OrderReport report = new OrderReport(ID, null, BTCUSDT, Side.BUY, OrderStatus.OPEN, new BigDecimal("59990"),
                new BigDecimal("0.02"), BigDecimal.ZERO, T);

        assertThat(codec.instrumentSpec(reread(codec.instrument(instrument)))).isEqualTo(instrument);
        assertThat(codec.fees(reread(codec.fees(fees)))).isEqualTo(fees);
        assertThat(codec.balances(reread(codec.balances(balances)))).containsExactlyEntriesOf(balances);
        assertThat(codec.openOrder(reread(codec.openOrder(open)))).isEqualTo(open);
        assertThat(codec.orderReport(reread(codec.orderReport(report)))).isEqualTo(report);
    }

    @Test
    void shouldReadEveryInstrumentUnderItsOwnVenue() {
        RemoteCodec other = new RemoteCodec(VenueId.of("sim-b"));

        Event back = other.event(reread(codec.event(new OrderCancelled(BTCUSDT, ID, "cancelled", T))));

        assertThat(((OrderCancelled) back).instrument()).isEqualTo(new InstrumentId(VenueId.of("sim-b"), "BTCUSDT"));
    }

    @Test
    void shouldNameTheMissingFieldOfAnUnreadableMessage() {
        JsonNode noSize = RemoteCodec.read("{\"clientOrderId\":\"a1\",\"symbol\":\"BTCUSDT\",\"side\":\"BUY\","
                + "\"type\":\"MARKET\"}");

        assertThatThrownBy(() -> codec.orderRequest(noSize)).isInstanceOf(MalformedRemoteMessageException.class)
                .hasMessageContaining("order request").hasMessageContaining("'size'");
    }

    @Test
    void shouldRefuseAnUnknownEventTypeAValueACoreTypeRefusesAndText() {
        assertThatThrownBy(() -> codec.event(RemoteCodec.read("{\"type\":\"teleport\",\"timestampNs\":1}")))
                .isInstanceOf(MalformedRemoteMessageException.class).hasMessageContaining("teleport");
        assertThatThrownBy(() -> codec.event(RemoteCodec.read("{\"type\":\"trade\",\"symbol\":\"BTCUSDT\","
                + "\"priceTicks\":0,\"sizeLots\":1,\"aggressor\":\"BUY\",\"timestampNs\":1}")))
                .isInstanceOf(MalformedRemoteMessageException.class).hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> RemoteCodec.read("{not json")).isInstanceOf(MalformedRemoteMessageException.class);
    }

    private Event roundTrip(Event e) {
        return codec.event(reread(codec.event(e)));
    }

    private static JsonNode reread(JsonNode n) {
        return RemoteCodec.read(RemoteCodec.write(n));
    }

    private static Fill fill() {
        return new Fill(BTCUSDT, ID, new VenueOrderId("17"), new TradeId("204"), Side.BUY, new BigDecimal("60000.10"),
                new BigDecimal("0.0150"), new BigDecimal("0.0000000123456789"), Asset.of("USDT"), Liquidity.MAKER, T);
    }
}
