package dev.ballast.strategies.quoting;

import java.util.Objects;

/**
 * Guéant, Lehalle &amp; Fernandez-Tapia (2013), "Dealing with the inventory risk: a solution to the market
 * making problem", Math. Financ. Econ. 7:477–507: the closed-form asymptotic (T → ∞) approximation of the
 * optimal quotes under inventory bounds −Q ≤ q ≤ Q. The paper (section 4, lots of one share) gives
 *
 * <pre>
 *   δ_bid(q) ≃ (1/γ)·ln(1 + γ/k) + ((2q + 1)/2)·ω
 *   δ_ask(q) ≃ (1/γ)·ln(1 + γ/k) − ((2q − 1)/2)·ω
 *   ω        = sqrt( σ²γ / (2kA) · (1 + γ/k)^(1 + k/γ) )
 * </pre>
 *
 * and no bid at q = +Q, no ask at q = −Q. With lots of Δ base units (Guéant 2017, "Optimal market making",
 * Appl. Math. Finance), measuring the drift in lots n = drift / Δ, the same quotes in price units are
 *
 * <pre>
 *   δ_bid = (1/(γΔ))·ln(1 + γΔ/k) + ((2n + 1)/2)·ω,    δ_ask = (1/(γΔ))·ln(1 + γΔ/k) − ((2n − 1)/2)·ω
 *   ω     = sqrt( σ²·γ·Δ / (2·k·A) · (1 + γΔ/k)^(1 + k/(γΔ)) )
 *   bid   = s − δ_bid,  ask = s + δ_ask
 * </pre>
 *
 * (equivalently δ_bid = (1/(γΔ))ln(1 + γΔ/k) + ((2·drift + Δ)/2)·sqrt(γσ²/(2AΔk)·(1 + γΔ/k)^(1 + k/(γΔ)))).
 * Units: s fair value (price), σ price per √s, A fills per second at δ = 0 ({@link QuoteInputs#intensityA}),
 * k per price unit = {@code kPerBps × 10⁴ / s}, γ per (price × base unit), Δ = {@code quoteSize} base units;
 * ω is a price: the step of the quote centre per lot of drift. The full spread
 * (2/(γΔ))ln(1 + γΔ/k) + ω does not depend on the inventory.
 *
 * <p>Bounds: Q = maxPosition / Δ (not rounded: the drift is continuous here). With n ≥ Q there is no bid, with
 * n ≤ −Q no ask; past the bound the remaining side is priced as at the bound (the asymptotic formula is not
 * defined beyond it), so a drift outside the band does not make the quote ever more aggressive.
 *
 * <p>Example: BTC at s = 60 000, σ = 6 USDT/√s, k = 0.5 per bps (0.0833 per USDT), A = 1 per s, Δ = 0.01,
 * <b>γ = 0.5</b>: half spread 11.65 + ω/2, ω ≈ 1.74 USDT per lot, so at the 0.3 BTC band (30 lots) the centre is
 * ≈ 52 USDT (8.7 bps) below fair.
 *
 * <p>Fallback: while σ, A or k is unknown (NaN, σ < 0, A ≤ 0, k ≤ 0) the model quotes as
 * {@link LinearSkewQuoteModel} with {@code fallbackSpreadBps} / {@code fallbackSkewBpsPerUnit} (the bounds
 * are still applied); never a NaN price. Then the shared spread floor and growing-side shrink
 * ({@link QuoteAdjustments}). Immutable; safe to share.
 */
public final class GueantQuoteModel implements QuoteModel {
    /** Relative slack when comparing the drift with the bound, so binary noise at the bound does not quote. */
    private static final double BOUND_EPSILON = 1e-9;

    private final GueantQuoteParams params;
    private final LinearSkewQuoteModel fallback;
    private final double gamma;
    private final double lot;
    private final double maxLots;

    public GueantQuoteModel(GueantQuoteParams params) {
        this.params = Objects.requireNonNull(params, "params");
        this.fallback = new LinearSkewQuoteModel(params.fallback());
        this.gamma = params.gamma();
        this.lot = params.common().quoteSize();
        this.maxLots = params.common().maxPosition() / lot;
    }

    public GueantQuoteParams params() {
        return params;
    }

    @Override
    public void quote(QuoteInputs in, TwoSidedQuote out) {
        double s = in.fairValue;
        if (!QuoteAdjustments.usableFairValue(s)) {
            out.clear();
            return;
        }
        double sigma = in.sigmaPerSqrtSec;
        double a = in.intensityA;
        double kPerBps = in.intensityKPerBps;
        boolean known = sigma >= 0 && a > 0 && kPerBps > 0
                && Double.isFinite(sigma) && Double.isFinite(a) && Double.isFinite(kPerBps);
        double lots = in.drift / lot;
        boolean priced = false;
        if (known) {
            double n = Math.max(-maxLots, Math.min(maxLots, lots));
            double half = halfSpreadAtTarget(s, kPerBps);
            double omega = omega(s, sigma, a, kPerBps);
            out.bidPrice = s - (half + (2 * n + 1) / 2 * omega);
            out.askPrice = s + (half - (2 * n - 1) / 2 * omega);
            out.bidSize = lot;
            out.askSize = lot;
            priced = QuoteAdjustments.finish(params.common(), in, out);
        }
        if (!priced) {
            fallback.quote(in, out);
        }
        if (lots >= maxLots * (1 - BOUND_EPSILON)) {
            out.noBid();
        }
        if (lots <= -maxLots * (1 - BOUND_EPSILON)) {
            out.noAsk();
        }
    }

    /** (1/(γΔ))·ln(1 + γΔ/k), price units: the distance of each quote from fair value at q = 0 without ω. */
    public double halfSpreadAtTarget(double fairValue, double kPerBps) {
        double kPerPrice = kPerBps * 10_000 / fairValue;
        double gammaLot = gamma * lot;
        return Math.log1p(gammaLot / kPerPrice) / gammaLot;
    }

    /** ω = sqrt(σ²γΔ/(2kA)·(1 + γΔ/k)^(1 + k/(γΔ))), price units per lot of drift. */
    public double omega(double fairValue, double sigmaPerSqrtSec, double intensityA, double kPerBps) {
        double kPerPrice = kPerBps * 10_000 / fairValue;
        double x = gamma * lot / kPerPrice;
        double power = Math.exp((1 + 1 / x) * Math.log1p(x));
        return Math.sqrt(sigmaPerSqrtSec * sigmaPerSqrtSec * gamma * lot / (2 * kPerPrice * intensityA) * power);
    }

    @Override
    public String name() {
        return QuoteModels.GUEANT;
    }
}
