package dev.ballast.connectors.backtest;

import dev.ballast.core.Asset;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Instrument;
import dev.ballast.core.Liquidity;
import dev.ballast.core.Side;
import java.math.BigDecimal;

/**
 * The settlement arithmetic of one backtested instrument, per its {@link ContractType}: notional, what a fill does
 * to the balances, fees, and what a resting order locks. Exact {@link BigDecimal} throughout, except an inverse
 * contract's base amount {@code n × m / P}, rounded half-even to {@value #INVERSE_BASE_SCALE} places. Immutable.
 */
final class Contract {
    /** Decimal places of an inverse contract's base amount {@code n × m / P}: the instrument's, as the engine counts it. */
    static final int INVERSE_BASE_SCALE = Instrument.INVERSE_BASE_SCALE;

    /** What one fill does to the account: signed changes of base and quote (fee included) and the fee itself. */
    record Settlement(BigDecimal baseDelta, BigDecimal quoteDelta, BigDecimal fee, Asset feeAsset) {
    }

    private final Instrument instrument;
    private final ContractType type;
    private final BigDecimal multiplier;
    private final FeeSchedule fees;
    /** Quote a resting spot buy locks per unit of notional: 1 + the largest maker fee rate it can be charged. */
    private final BigDecimal buyLockMultiplier;

    Contract(Instrument instrument, ContractType type, BigDecimal multiplier, FeeSchedule fees) {
        this.instrument = instrument;
        this.type = type;
        this.multiplier = multiplier;
        this.fees = fees;
        this.buyLockMultiplier = BigDecimal.ONE.add(fees.makerRate().max(BigDecimal.ZERO));
    }

    FeeSchedule fees() {
        return fees;
    }

    /** True for spot: balances must cover orders, resting orders lock, nothing goes negative. */
    boolean isSpot() {
        return type == ContractType.SPOT;
    }

    /** The order's value in the quote asset: {@code P × n × m}, or {@code n × m} for an inverse contract. */
    BigDecimal notionalQuote(BigDecimal price, BigDecimal size) {
        return type == ContractType.INVERSE_PERPETUAL ? size.multiply(multiplier)
                : price.multiply(size).multiply(multiplier);
    }

    boolean meetsMinNotional(BigDecimal price, BigDecimal size) {
        return notionalQuote(price, size).compareTo(instrument.minNotional()) >= 0;
    }

    /** The balance changes of one fill of ours. */
    Settlement settle(Side side, BigDecimal price, BigDecimal size, Liquidity liquidity) {
        BigDecimal rate = fees.rate(liquidity);
        int sign = side == Side.BUY ? 1 : -1;
        if (type == ContractType.INVERSE_PERPETUAL) {
            BigDecimal face = size.multiply(multiplier);
            BigDecimal base = instrument.sizeToBase(size, price); // face / price, as the engine's inventory counts it
            BigDecimal fee = base.multiply(rate).stripTrailingZeros();
            BigDecimal baseDelta = (sign > 0 ? base : base.negate()).subtract(fee);
            return new Settlement(baseDelta, sign > 0 ? face.negate() : face, fee, instrument.base());
        }
        BigDecimal base = size.multiply(multiplier);
        BigDecimal notional = price.multiply(base);
        BigDecimal fee = notional.multiply(rate).stripTrailingZeros();
        BigDecimal quoteDelta = (sign > 0 ? notional.negate() : notional).subtract(fee);
        return new Settlement(sign > 0 ? base : base.negate(), quoteDelta, fee, instrument.quote());
    }

    /** The asset a resting spot order locks: the quote for a buy, the base for a sell. */
    Asset lockAsset(Side side) {
        return side == Side.BUY ? instrument.quote() : instrument.base();
    }

    /**
     * What a resting spot order of {@code size} at {@code price} keeps locked: a buy its notional plus the largest
     * maker fee, so a fill never drives the free balance negative; a sell its size. Zero for perpetuals.
     */
    BigDecimal restingLock(Side side, BigDecimal price, BigDecimal size) {
        if (!isSpot()) {
            return BigDecimal.ZERO;
        }
        return side == Side.BUY ? price.multiply(size).multiply(buyLockMultiplier) : size;
    }

    /** What a spot taker buy of {@code notional} quote (already priced) needs free: the notional plus taker fee. */
    BigDecimal takerBuyNeeds(BigDecimal notional) {
        return notional.multiply(BigDecimal.ONE.add(fees.takerRate()));
    }
}
