package dev.ballast.connectors.okx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Asset;
import dev.ballast.core.FeeSchedule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** OKX JSON into core types, on the real instrument lists of {@code OKX.0} and documented reply shapes. */
class OkxMapperTest {
    @Test
    void shouldReadLiveSpotInstrumentsFromTheRealList() {
        List<OkxInstrument> spot = OkxMapper.instruments(OkxMapper.tree(OkxTestData.capturedRest(
                "https://www.okx.com/api/v5/public/instruments?instType=SPOT")), OkxTestData.VENUE);
        OkxInstrument btc = byId(spot).get("BTC-USDT");

        assertThat(spot).hasSizeGreaterThan(400);
        assertThat(btc.type()).isEqualTo(OkxInstrument.Type.SPOT);
        assertThat(btc.instrument().tickSize()).isEqualByComparingTo("0.1");
        assertThat(btc.instrument().lotSize()).isEqualByComparingTo("0.00000001");
        assertThat(btc.minSizeBase()).isEqualByComparingTo("0.00001");
        assertThat(btc.instrument().minNotional()).isZero();
        assertThat(btc.venueSize(new BigDecimal("0.00120000"))).isEqualTo("0.0012");
    }

    @Test
    void shouldReadLinearSwapsInBaseUnitsAndLeaveInverseSwapsOut() {
        List<OkxInstrument> swaps = OkxMapper.instruments(OkxMapper.tree(OkxTestData.capturedRest(
                "https://www.okx.com/api/v5/public/instruments?instType=SWAP")), OkxTestData.VENUE);
        OkxInstrument btc = byId(swaps).get("BTC-USDT-SWAP");

        assertThat(byId(swaps)).doesNotContainKeys("BTC-USD-SWAP", "UNI-USD-SWAP");
        assertThat(btc.instrument().base()).isEqualTo(Asset.of("BTC"));
        assertThat(btc.instrument().quote()).isEqualTo(Asset.of("USDT"));
        assertThat(btc.contractSize()).isEqualByComparingTo("0.01");
        assertThat(btc.instrument().lotSize()).isEqualByComparingTo("0.01");
        assertThat(btc.venueSize(new BigDecimal("0.35"))).as("35 contracts").isEqualTo("35");
        assertThat(btc.baseSize("12")).isEqualByComparingTo("0.12");
        assertThat(btc.sizeLots("12")).as("book sizes are contracts, one lot each").isEqualTo(12);
    }

    @Test
    void shouldTurnOkxsNegativeFeeRatesIntoPositiveCharges() {
        FeeSchedule spot = OkxMapper.fees(OkxMapper.tree(OkxTestData.resource("trade-fee-spot.json")),
                OkxInstrument.Type.SPOT);
        FeeSchedule swap = OkxMapper.fees(OkxMapper.tree(OkxTestData.resource("trade-fee-swap.json")),
                OkxInstrument.Type.SWAP);

        assertThat(spot).isEqualTo(new FeeSchedule(new BigDecimal("0.0008"), new BigDecimal("0.001")));
        assertThat(swap.makerRate()).isEqualByComparingTo("0.0002");
        assertThat(swap.takerRate()).isEqualByComparingTo("0.0005");
    }

    @Test
    void shouldReadAnOrderThatOkxCancelledForTakingLiquidityAsRejected() {
        OkxInstrument btc = OkxTestData.capturedInstrument("SPOT", "BTC-USDT");
        OkxOrderUpdate u = OkxMapper.orders(OkxMapper.tree(OkxTestData.resource("order-post-only-cancelled.json")
                .replace("CLORDID", "abc1"))).get(0);

        assertThat(u.postOnlyWouldCross()).isTrue();
        assertThat(OkxMapper.report(u, btc).status()).isEqualTo(dev.ballast.core.OrderStatus.REJECTED);
    }

    @Test
    void shouldKeepBillIdsOfFillsThatAreNotOursForPaging() {
        OkxInstrument btc = OkxTestData.capturedInstrument("SPOT", "BTC-USDT");

        List<OkxMapper.FillRecord> page = OkxMapper.fills(OkxMapper.tree(OkxTestData.resource("fills.json")), btc);

        assertThat(page).hasSize(4);
        assertThat(page.get(1).fill()).as("no clOrdId: not ours").isNull();
        assertThat(page.get(1).billId()).isEqualTo("447131929581570002");
        assertThat(page.get(0).fill().fee()).isEqualByComparingTo("0.0605006");
    }

    private static Map<String, OkxInstrument> byId(List<OkxInstrument> list) {
        return list.stream().collect(Collectors.toMap(OkxInstrument::instId, i -> i));
    }
}
