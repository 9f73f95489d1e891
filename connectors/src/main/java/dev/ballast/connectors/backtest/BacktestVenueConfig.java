package dev.ballast.connectors.backtest;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.SequenceRule;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One backtest venue: the recorded market it replays and how we trade on it.
 *
 * @param id                 the venue's id; the instrument must belong to it
 * @param instrument         the one recorded instrument, with its tick, lot and minimum notional; an inverse one
 *                           ({@link Instrument#isInverse()}) exactly when the contract type is inverse
 * @param contractType       how the instrument settles (spot, linear or inverse perpetual)
 * @param contractMultiplier what one unit of order size is worth: 1 for spot (required) and Binance USD-M; for a
 *                           linear perpetual the base units per unit of size; for an inverse perpetual the quote
 *                           value of one contract (100 for Binance COIN-M BTCUSD_PERP), which must be the
 *                           instrument's {@link Instrument#contractSizeQuote()}. See {@link ContractType}
 * @param sequenceRule       how the recorded deltas chain on the recorded snapshots (the recording's rule, e.g.
 *                           Binance spot's {@code CONTIGUOUS}); the venue checks the stream it is fed with it
 * @param makerFeeBps        fee on our resting orders' fills in bps of notional; negative is a rebate
 * @param takerFeeBps        fee on our IOC and market orders' fills in bps of notional; >= 0 and >= -makerFeeBps
 * @param orderLatencyMs     how long a new order (and a snapshot request) takes to reach the venue; >= 0
 * @param cancelLatencyMs    how long a cancel (and a cancel-all) takes to reach the venue; >= 0
 * @param balances           our starting balances, each >= 0, of the instrument's base and quote assets only
 *                           (a missing one starts at 0); copied
 */
public record BacktestVenueConfig(VenueId id, Instrument instrument, ContractType contractType,
                                  BigDecimal contractMultiplier, SequenceRule sequenceRule, BigDecimal makerFeeBps,
                                  BigDecimal takerFeeBps, long orderLatencyMs, long cancelLatencyMs,
                                  Map<Asset, BigDecimal> balances) {
    public BacktestVenueConfig {
        Objects.requireNonNull(id, "id");
        String at = "venues." + id + ".";
        Objects.requireNonNull(instrument, at + "instrument");
        if (!instrument.id().venue().equals(id)) {
            throw new IllegalArgumentException(at + "instrument " + instrument.id() + " belongs to venue "
                    + instrument.id().venue() + ", not " + id);
        }
        Objects.requireNonNull(contractType, at + "contractType");
        Objects.requireNonNull(contractMultiplier, at + "contractMultiplier");
        if (contractMultiplier.signum() <= 0) {
            throw new IllegalArgumentException(at + "contractMultiplier must be > 0 (was " + contractMultiplier + ")");
        }
        if (contractType == ContractType.SPOT && contractMultiplier.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException(at + "contractMultiplier must be 1 for spot (was "
                    + contractMultiplier + ")");
        }
        // the engine converts an inverse contract's sizes with the instrument's contract size: the two must agree
        if (contractType == ContractType.INVERSE_PERPETUAL && (!instrument.isInverse()
                || instrument.contractSizeQuote().compareTo(contractMultiplier) != 0)) {
            throw new IllegalArgumentException(at + "contractMultiplier " + contractMultiplier.toPlainString()
                    + " of an inverse perpetual must be its instrument's contractSizeQuote (was "
                    + (instrument.isInverse() ? instrument.contractSizeQuote().toPlainString() : "none: sizes in "
                    + instrument.base()) + ")");
        }
        if (contractType != ContractType.INVERSE_PERPETUAL && instrument.isInverse()) {
            throw new IllegalArgumentException(at + "instrument " + instrument.id() + " is an inverse contract: its "
                    + "contractType must be INVERSE_PERPETUAL (was " + contractType + ")");
        }
        Objects.requireNonNull(sequenceRule, at + "sequenceRule");
        Objects.requireNonNull(makerFeeBps, at + "makerFeeBps");
        Objects.requireNonNull(takerFeeBps, at + "takerFeeBps");
        if (takerFeeBps.signum() < 0) {
            throw new IllegalArgumentException(at + "takerFeeBps must be >= 0 (was " + takerFeeBps + ")");
        }
        if (makerFeeBps.negate().compareTo(takerFeeBps) > 0) {
            throw new IllegalArgumentException(at + "makerFeeBps rebate must not exceed takerFeeBps (was "
                    + makerFeeBps + " vs " + takerFeeBps + ")");
        }
        if (orderLatencyMs < 0) {
            throw new IllegalArgumentException(at + "orderLatencyMs must be >= 0 (was " + orderLatencyMs + ")");
        }
        if (cancelLatencyMs < 0) {
            throw new IllegalArgumentException(at + "cancelLatencyMs must be >= 0 (was " + cancelLatencyMs + ")");
        }
        Objects.requireNonNull(balances, at + "balances");
        Map<Asset, BigDecimal> copy = new TreeMap<>();
        balances.forEach((asset, amount) -> {
            Objects.requireNonNull(asset, at + "balances asset");
            Objects.requireNonNull(amount, at + "balances." + asset);
            if (!asset.equals(instrument.base()) && !asset.equals(instrument.quote())) {
                throw new IllegalArgumentException(at + "balances." + asset + ": " + instrument.id()
                        + " trades only " + instrument.base() + " and " + instrument.quote());
            }
            if (amount.signum() < 0) {
                throw new IllegalArgumentException(at + "balances." + asset + " must be >= 0 (was " + amount + ")");
            }
            copy.put(asset, amount);
        });
        balances = Collections.unmodifiableMap(copy);
    }

    /** A spot venue: contract multiplier 1. */
    public static BacktestVenueConfig spot(Instrument instrument, SequenceRule sequenceRule, BigDecimal makerFeeBps,
                                           BigDecimal takerFeeBps, long orderLatencyMs, long cancelLatencyMs,
                                           Map<Asset, BigDecimal> balances) {
        return new BacktestVenueConfig(instrument.id().venue(), instrument, ContractType.SPOT, BigDecimal.ONE,
                sequenceRule, makerFeeBps, takerFeeBps, orderLatencyMs, cancelLatencyMs, balances);
    }
}
