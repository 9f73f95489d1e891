package dev.ballast.bot.config;

import dev.ballast.strategies.execution.AlmgrenChrissSchedule;
import dev.ballast.strategies.execution.HedgeSchedule;
import dev.ballast.strategies.execution.IcebergSchedule;
import dev.ballast.strategies.execution.ImmediateIoc;
import dev.ballast.strategies.execution.TwapSchedule;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * How one asset's hedges are executed (the execution keys of {@code assets.<ASSET>.hedge}): a hedge of at most
 * {@code sliceAbove} goes as one IOC; a larger one is cut into children by the {@code type}'s schedule. Every
 * key is kept whatever the type, so switching the type is a one-line change; each schedule reads only its
 * own. Sizes are in the asset's units. Immutable.
 *
 * @param type the schedule for hedges larger than {@code sliceAbove}; default {@link HedgeExecutionType#IOC}
 * @param sliceAbove hedges larger than this are sliced, smaller ones go as one IOC; >= 0 (0: slice every
 *     hedge); default 10 × the asset's quoteSize
 * @param sliceHorizonSec T, the time a sliced hedge is spread over (twap, almgren-chriss); from 1 to
 *     {@value #MAX_SLICE_HORIZON_SEC}; default {@value #DEFAULT_SLICE_HORIZON_SEC}
 * @param slices N, the number of children of a sliced hedge, at intervals of T/N (twap, almgren-chriss); from 1
 *     to {@value #MAX_SLICES}; default {@value #DEFAULT_SLICES}
 * @param urgency κ·T of the Almgren–Chriss trajectory x(t) = X·sinh(κ(T − t))/sinh(κT), dimensionless: 0 is
 *     TWAP, larger sends more early (with 2, about a third of the hedge is left at T/2 instead of half);
 *     >= 0; default {@value #DEFAULT_URGENCY}
 * @param icebergClip the size shown at a time (iceberg); > 0; default 2 × the asset's quoteSize
 * @param icebergRefillMs the pause between a clip and the next (iceberg); from 0 to
 *     {@value #MAX_ICEBERG_REFILL_MS}; default {@value #DEFAULT_ICEBERG_REFILL_MS}
 */
public record HedgeExecutionConfig(
        HedgeExecutionType type,
        BigDecimal sliceAbove,
        long sliceHorizonSec,
        int slices,
        double urgency,
        BigDecimal icebergClip,
        long icebergRefillMs) {
    public static final long DEFAULT_SLICE_HORIZON_SEC = 30;
    public static final int DEFAULT_SLICES = 5;
    public static final double DEFAULT_URGENCY = 2.0;
    public static final long DEFAULT_ICEBERG_REFILL_MS = 1000;
    /** An hour: a hedge spread over longer is no longer a hedge. */
    public static final long MAX_SLICE_HORIZON_SEC = 3600;
    public static final int MAX_SLICES = 1000;
    public static final long MAX_ICEBERG_REFILL_MS = 60_000;
    static final BigDecimal DEFAULT_SLICE_ABOVE_QUOTE_SIZES = BigDecimal.TEN;
    static final BigDecimal DEFAULT_ICEBERG_CLIP_QUOTE_SIZES = BigDecimal.valueOf(2);

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public HedgeExecutionConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sliceAbove, "sliceAbove");
        Objects.requireNonNull(icebergClip, "icebergClip");
        Rules r = new Rules();
        r.nonNegative("sliceAbove", sliceAbove);
        r.between("sliceHorizonSec", sliceHorizonSec, 1, MAX_SLICE_HORIZON_SEC);
        r.between("slices", slices, 1, MAX_SLICES);
        r.nonNegative("urgency", urgency);
        r.positive("icebergClip", icebergClip);
        r.between("icebergRefillMs", icebergRefillMs, 0, MAX_ICEBERG_REFILL_MS);
        double clip = icebergClip.doubleValue();
        r.accepts(() -> slicedSchedule(type, 0, TimeUnit.SECONDS.toNanos(sliceHorizonSec), slices,
                urgency / sliceHorizonSec, clip, TimeUnit.MILLISECONDS.toNanos(icebergRefillMs), 0));
        r.throwIfAny();
        sliceAbove = Rules.normalize(sliceAbove);
        icebergClip = Rules.normalize(icebergClip);
    }

    /**
     * The defaults for an asset quoted in {@code quoteSize}: IOC, and for when another type is chosen, slicing
     * above 10 quotes into 5 slices over 30 s, urgency 2, iceberg clips of 2 quotes every second.
     */
    public static HedgeExecutionConfig defaults(BigDecimal quoteSize) {
        return new HedgeExecutionConfig(HedgeExecutionType.IOC, defaultSliceAbove(quoteSize),
                DEFAULT_SLICE_HORIZON_SEC, DEFAULT_SLICES, DEFAULT_URGENCY, defaultIcebergClip(quoteSize),
                DEFAULT_ICEBERG_REFILL_MS);
    }

    /**
     * 10 × {@code quoteSize}. When {@code quoteSize} is not > 0 (the asset is rejected for that) a valid
     * placeholder, so that the rejection is not followed by a misleading problem about this default.
     */
    static BigDecimal defaultSliceAbove(BigDecimal quoteSize) {
        return quoteSize.signum() > 0 ? quoteSize.multiply(DEFAULT_SLICE_ABOVE_QUOTE_SIZES) : BigDecimal.ZERO;
    }

    /** 2 × {@code quoteSize}; a valid placeholder when {@code quoteSize} is not > 0 (see defaultSliceAbove). */
    static BigDecimal defaultIcebergClip(BigDecimal quoteSize) {
        return quoteSize.signum() > 0 ? quoteSize.multiply(DEFAULT_ICEBERG_CLIP_QUOTE_SIZES) : BigDecimal.ONE;
    }

    /** Whether a hedge of {@code sizeBase} is sliced (true only above {@code sliceAbove}, and never for IOC). */
    public boolean isSliced(double sizeBase) {
        return type != HedgeExecutionType.IOC && sizeBase > sliceAbove.doubleValue();
    }

    /** T in nanoseconds. */
    public long sliceHorizonNs() {
        return TimeUnit.SECONDS.toNanos(sliceHorizonSec);
    }

    /** κ of the Almgren–Chriss trajectory, per second: {@code urgency / sliceHorizonSec}. */
    public double kappaPerSec() {
        return urgency / sliceHorizonSec;
    }

    /** The pause between iceberg clips, in nanoseconds. */
    public long icebergRefillNs() {
        return TimeUnit.MILLISECONDS.toNanos(icebergRefillMs);
    }

    /**
     * A new schedule for one hedge: {@link ImmediateIoc} unless the hedge {@link #isSliced is sliced}, else the
     * {@code type}'s schedule with these settings.
     *
     * @param startNs engine time the first child is due, ns
     * @param sizeBase the hedge's size, base units
     * @param minChildSizeBase the smallest child worth sending (e.g. the venue's lot size), base units, >= 0
     */
    public HedgeSchedule schedule(long startNs, double sizeBase, double minChildSizeBase) {
        if (!isSliced(sizeBase)) {
            return new ImmediateIoc();
        }
        return slicedSchedule(type, startNs, sliceHorizonNs(), slices, kappaPerSec(), icebergClip.doubleValue(),
                icebergRefillNs(), minChildSizeBase);
    }

    private static HedgeSchedule slicedSchedule(HedgeExecutionType type, long startNs, long horizonNs, int slices,
            double kappaPerSec, double clip, long refillNs, double minChildSizeBase) {
        return switch (type) {
            case IOC -> new ImmediateIoc();
            case TWAP -> new TwapSchedule(startNs, horizonNs, slices, minChildSizeBase);
            case ALMGREN_CHRISS -> new AlmgrenChrissSchedule(startNs, horizonNs, slices, kappaPerSec, minChildSizeBase);
            case ICEBERG -> new IcebergSchedule(startNs, clip, refillNs);
        };
    }
}
