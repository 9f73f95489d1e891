package dev.ballast.connectors.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowBudgetTest {
    private static final long MINUTE_NS = Duration.ofMinutes(1).toNanos();
    private static final long T0 = 1_700_000_040L * 1_000_000_000L; // on a minute boundary
    private static final Endpoint ACCOUNT = Endpoint.read("GET /api/v3/account", RequestKind.ACCOUNT, 20);
    private static final Endpoint ORDER = Endpoint.write("POST /api/v3/order", RequestKind.ORDER, 1);
    private static final Endpoint CANCEL = Endpoint.write("DELETE /api/v3/order", RequestKind.CANCEL, 1);

    private final WindowBudget binance = WindowBudget.of(
            WindowBudget.Window.weight("weight-1m", Duration.ofMinutes(1), 100, "X-MBX-USED-WEIGHT-1M"),
            WindowBudget.Window.orders("orders-10s", Duration.ofSeconds(10), 3, "X-MBX-ORDER-COUNT-10S"),
            WindowBudget.Window.orders("orders-1d", Duration.ofDays(1), 5, null));

    @Test
    void shouldGrantWeightUntilTheMinuteIsSpentThenWaitForTheNextMinute() {
        for (int i = 0; i < 5; i++) {
            assertThat(binance.tryAcquire(ACCOUNT, T0 + i)).isZero();
        }
        long waitNs = binance.tryAcquire(ACCOUNT, T0 + Duration.ofSeconds(15).toNanos());

        assertThat(waitNs).isEqualTo(Duration.ofSeconds(45).toNanos());
        assertThat(binance.used("weight-1m", T0 + 20)).isEqualTo(100);
        assertThat(binance.tryAcquire(ACCOUNT, T0 + MINUTE_NS)).isZero();
        assertThat(binance.used("weight-1m", T0 + MINUTE_NS)).isEqualTo(20);
    }

    @Test
    void shouldCountOnlyOrdersInOrderWindowsAndTakeNothingWhenRefused() {
        assertThat(binance.tryAcquire(ORDER, T0)).isZero();
        assertThat(binance.tryAcquire(ORDER, T0)).isZero();
        assertThat(binance.tryAcquire(CANCEL, T0)).isZero();
        assertThat(binance.tryAcquire(ORDER, T0)).isZero();

        long waitNs = binance.tryAcquire(ORDER, T0 + Duration.ofSeconds(4).toNanos());

        assertThat(waitNs).isEqualTo(Duration.ofSeconds(6).toNanos());
        assertThat(binance.used("orders-10s", T0)).isEqualTo(3);
        assertThat(binance.used("weight-1m", T0)).as("the refused order took no weight").isEqualTo(4);
    }

    @Test
    void shouldHoldOrdersUntilTheDayRollsOverWhenTheDailyCountIsSpent() {
        long t = T0;
        for (int i = 0; i < 5; i++) {
            assertThat(binance.tryAcquire(ORDER, t)).isZero();
            t += Duration.ofSeconds(10).toNanos();
        }
        long dayEndNs = Math.floorDiv(t, Duration.ofDays(1).toNanos() ) * Duration.ofDays(1).toNanos()
                + Duration.ofDays(1).toNanos();

        assertThat(binance.tryAcquire(ORDER, t)).isEqualTo(dayEndNs - t);
        assertThat(binance.tryAcquire(ACCOUNT, t)).as("reads are not orders").isZero();
        assertThat(binance.tryAcquire(ORDER, dayEndNs)).isZero();
    }

    @Test
    void shouldRaiseItsCountToWhatTheVenueReportsButNeverLowerIt() {
        binance.tryAcquire(ACCOUNT, T0);
        binance.onReply(ACCOUNT, reply(Map.of("x-mbx-used-weight-1m", List.of("95"))), T0 + 1);

        assertThat(binance.used("weight-1m", T0 + 2)).isEqualTo(95);
        assertThat(binance.tryAcquire(ACCOUNT, T0 + 3)).isPositive();

        binance.observeUsed("weight-1m", 10, T0 + 4);
        assertThat(binance.used("weight-1m", T0 + 5)).isEqualTo(95);
    }

    @Test
    void shouldIgnoreAnUnreadableUsageHeader() {
        binance.tryAcquire(ACCOUNT, T0);
        binance.onReply(ACCOUNT, reply(Map.of("x-mbx-used-weight-1m", List.of("lots"))), T0 + 1);

        assertThat(binance.used("weight-1m", T0 + 2)).isEqualTo(20);
    }

    @Test
    void shouldRefuseEverythingUntilTheThrottleEnds() {
        binance.onThrottled(Duration.ofSeconds(3).toNanos(), T0);

        assertThat(binance.tryAcquire(ACCOUNT, T0 + Duration.ofSeconds(1).toNanos()))
                .isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(binance.tryAcquire(ACCOUNT, T0 + Duration.ofSeconds(3).toNanos())).isZero();
    }

    @Test
    void shouldGiveBackWhatARefundedCallTook() {
        binance.tryAcquire(ORDER, T0);
        binance.refund(ORDER, T0);

        assertThat(binance.used("orders-10s", T0)).isZero();
        assertThat(binance.used("weight-1m", T0)).isZero();
    }

    @Test
    void shouldRejectACallThatCouldNeverFitAndAWindowItDoesNotHave() {
        Endpoint huge = Endpoint.read("GET /huge", RequestKind.MARKET_DATA, 101);

        assertThatThrownBy(() -> binance.tryAcquire(huge, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> binance.observeUsed("weight-1h", 1, T0))
                .hasMessageContaining("weight-1h");
    }

    @Test
    void shouldNameTheFieldWhenAWindowIsInvalid() {
        assertThatThrownBy(() -> WindowBudget.Window.calls("w", Duration.ZERO, 1))
                .hasMessage("window w: length must be > 0 (was PT0S)");
        assertThatThrownBy(() -> WindowBudget.Window.calls("w", Duration.ofSeconds(1), 0))
                .hasMessage("window w: limit must be > 0 (was 0)");
    }

    static RestReply reply(Map<String, List<String>> headers) {
        return new RestReply(200, headers, "{}", 0);
    }
}
