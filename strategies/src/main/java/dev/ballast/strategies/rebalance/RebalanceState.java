package dev.ballast.strategies.rebalance;

/**
 * The memory the rebalancing decision needs between two calls for one asset: whether it is rebalancing (it has
 * left the band and not come back inside the exit threshold yet). The engine keeps one per asset, starting from
 * {@link #initial()}, and replaces it with {@link RebalanceDecision#nextState()} after each decision, so the
 * decision itself stays a pure function. Immutable.
 *
 * @param rebalancing true between leaving the band (open drift above {@code band × (1 + hysteresisEnter)}) and
 *                    coming back below {@code band × (1 − hysteresisExit)} with no hedge in flight
 * @param sinceNs     the decision time at which {@code rebalancing} last changed, ns; {@link Long#MIN_VALUE} when it
 *                    never has
 */
public record RebalanceState(boolean rebalancing, long sinceNs) {
    private static final RebalanceState INITIAL = new RebalanceState(false, Long.MIN_VALUE);

    /** Not rebalancing, never has been. */
    public static RebalanceState initial() {
        return INITIAL;
    }
}
