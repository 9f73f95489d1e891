package dev.ballast.strategies.rebalance;

import static dev.ballast.strategies.rebalance.Scenario.btc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.Asset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionLogTest {
    private static final Asset ETH = Asset.of("ETH");
    private final RebalanceDecider decider = new RebalanceDecider(RebalanceParams.defaults(0.05));
    private final RebalanceState rebalancing = new RebalanceState(true, 0);

    private RebalanceDecision waitAt(long ns) {
        return decider.decide(btc().drift(0.01).at(ns).build(), RebalanceState.initial(), (s, x) -> 60 * x);
    }

    private RebalanceDecision hedgeAt(long ns) {
        return decider.decide(btc().drift(0.2).intensity(0.001, 0).at(ns).build(), rebalancing, (s, x) -> 60 * x);
    }

    private RebalanceDecision skewAt(long ns) {
        return decider.decide(btc().drift(0.2).at(ns).build(), rebalancing, (s, x) -> 1e6 * x);
    }

    @Test
    void shouldKeepTheLastDecisionsNewestFirstAndDropTheOldest() {
        DecisionLog log = new DecisionLog(3);
        for (long t = 1; t <= 5; t++) {
            log.record(hedgeAt(t));
        }

        assertThat(log.recent(Scenario.BTC)).extracting(e -> e.decision().timestampNs()).containsExactly(5L, 4L, 3L);
        assertThat(log.latest(Scenario.BTC)).map(RebalanceDecision::timestampNs).contains(5L);
    }

    @Test
    void shouldFoldRepeatedDecisionsWithoutAHedgeIntoOneEntry() {
        DecisionLog log = new DecisionLog(3);
        log.record(hedgeAt(1));
        for (long t = 2; t <= 100; t++) {
            log.record(skewAt(t));
        }
        log.record(waitAt(101));
        log.record(waitAt(102));

        List<DecisionLog.Entry> recent = log.recent(Scenario.BTC);
        assertThat(recent).extracting(e -> e.decision().action())
                .containsExactly(RebalanceAction.WAIT, RebalanceAction.SKEW, RebalanceAction.SPLIT);
        assertThat(recent.get(1).count()).isEqualTo(99);
        assertThat(recent.get(1).firstTimestampNs()).isEqualTo(2);
        assertThat(recent.get(1).decision().timestampNs()).isEqualTo(100);
        assertThat(recent.get(0).count()).isEqualTo(2);
    }

    @Test
    void shouldNeverFoldHedges() {
        DecisionLog log = new DecisionLog(10);
        log.record(hedgeAt(1));
        log.record(hedgeAt(2));

        assertThat(log.recent(Scenario.BTC)).hasSize(2).allMatch(e -> e.count() == 1);
    }

    @Test
    void shouldKeepEachAssetApartAndHandOutSnapshots() {
        DecisionLog log = new DecisionLog(2);
        log.record(hedgeAt(1));
        List<DecisionLog.Entry> before = log.recent(Scenario.BTC);
        log.record(hedgeAt(2));

        assertThat(before).hasSize(1);
        assertThat(log.recent(ETH)).isEmpty();
        assertThat(log.latest(ETH)).isEmpty();
        assertThat(log.assets()).containsExactly(Scenario.BTC);
    }

    @Test
    void shouldRejectACapacityBelowOne() {
        assertThatThrownBy(() -> new DecisionLog(0)).hasMessage("capacityPerAsset must be >= 1 (was 0)");
    }
}
