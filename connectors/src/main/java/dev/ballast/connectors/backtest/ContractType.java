package dev.ballast.connectors.backtest;

/**
 * How a backtested instrument settles: what one unit of order size is, what a fill does to the balances and in
 * which asset fees are paid. {@code m} below is {@link BacktestVenueConfig#contractMultiplier()}; a fill is
 * {@code n} units of order size at price {@code P}, fee rate {@code f}.
 */
public enum ContractType {
    /**
     * Spot: size in base units ({@code m} must be 1). A buy pays {@code P × n} quote plus the fee and receives
     * {@code n} base; a sell the reverse. Balances never go negative: a resting order locks what it may spend and
     * an order the free balance cannot pay for is rejected. Fees in the quote asset: {@code P × n × f}.
     */
    SPOT,
    /**
     * A linear (quote-margined) perpetual such as Binance USD-M: one unit of size is {@code m} base (1 on Binance).
     * Kept as cash: a buy adds {@code n × m} to the base balance (the signed position) and takes
     * {@code P × n × m} plus the fee from the quote balance; either may go negative, equity in quote is
     * {@code quote + base × mark}. No margin is locked or checked, no liquidation, no funding. Fees in quote:
     * {@code P × n × m × f}.
     */
    LINEAR_PERPETUAL,
    /**
     * An inverse (coin-margined) perpetual such as Binance COIN-M: size in contracts of {@code m} quote each (100 USD
     * for BTCUSD_PERP). Kept as cash, which is exact for an inverse contract: a buy of {@code n} contracts takes
     * {@code n × m} from the quote balance (which is thus minus the position's face value) and adds
     * {@code n × m / P} to the base balance; a sell the reverse. Closing a long opened at {@code P0} at {@code P1}
     * leaves the quote balance where it was and the base balance up by {@code n × m × (1/P0 − 1/P1)}: the inverse
     * contract's PnL, in base. Equity in base is {@code base + quote / mark}. Fees in base: {@code n × m / P × f}.
     * {@code n × m / P} is rounded half-even to 16 decimal places. No
     * margin checks, liquidation or funding, as for the linear perpetual.
     */
    INVERSE_PERPETUAL
}
