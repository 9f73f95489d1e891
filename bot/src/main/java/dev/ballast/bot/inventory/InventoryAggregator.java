package dev.ballast.bot.inventory;

import dev.ballast.core.Asset;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.Position;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The inventory count: per asset, per venue and across venues, the quantity held, its average cost,
 * realised and unrealised PnL, fees and drift from target, plus cash in the valuation currency per
 * venue. Fed with starting balances, our fills and fair-value marks; read by strategies (drift, on the
 * hot path as doubles), risk, the status block and the journal ({@link #snapshot()}).
 *
 * <p><b>Not thread-safe: owned by the engine thread.</b> Setup ({@link #setStartingBalance},
 * {@link #openAt}) may run on a wiring thread before the engine starts; the first {@link #onFill} or
 * {@link #markFairValue} binds the aggregator to its calling thread, and from then on every call must
 * come from that thread (checked by {@code assert}; other threads read {@link #snapshot()}s handed to
 * them). Every fill must be applied exactly once: de-duplicating replayed fills by trade id is the order
 * manager's job.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Quantity</b> per venue = starting balance + Σ signed fill sizes in base units (buy +, sell −) −
 *       fees paid in that asset. The total is the sum over venues. A fill of an inverse contract
 *       ({@link Instrument#isInverse()}: n contracts of m quote at P) counts as {@code n × m / P} base bought or
 *       sold at P ({@link Instrument#sizeToBase}, 16 decimal places, as the venue settles it): kept as cash, this
 *       is exact inverse accounting — a round trip leaves its PnL, in base, as base quantity on that venue.</li>
 *   <li><b>Cash</b> per venue (valuation currency) = starting balance + Σ sell notional − Σ buy notional −
 *       fees paid in the valuation currency, notional being base size × price (for an inverse fill this
 *       differs from the venue's {@code n × m} by the rounding of the base size: under {@code P × 10⁻¹⁶}).
 *       Every market must be quoted in the valuation currency or in a currency declared at par with it (USD
 *       next to USDT: its cash and fees count one for one; the rate between them is not modelled here — a
 *       lasting difference is the venue's basis in fair value); others are rejected.</li>
 *   <li><b>PnL</b> by the average-cost method, kept separately per venue and across venues: buying into
 *       a long (or selling into a short) moves the average cost; reducing realises
 *       {@code (price − averageCost) × size} for a long and the mirror for a short; a fill that crosses
 *       zero realises the closed part and opens the rest at the fill price. Unrealised =
 *       {@code quantity × fairValue − quantity × averageCost}, one cross-venue fair value for all venues.
 *       Realised PnL excludes fees; total PnL = realised + unrealised − fees. Because the venue ledgers
 *       and the total ledger each see their own order of buys and sells, Σ venue realised can differ
 *       from the total realised (buy on A, sell on B is a round trip only in total), but Σ venue
 *       (realised + unrealised) equals the total's exactly.</li>
 *   <li><b>Opening cost basis.</b> Starting holdings get their cost basis at the asset's opening price:
 *       the price given to {@link #openAt} if it was called first, else the first fair-value mark, else —
 *       when the asset trades before it is ever marked — the first fill's price. PnL therefore counts
 *       from the opening; starting balances of an asset can only be set before it opens. With this rule
 *       {@code equity(now) − equity(at opening marks) == totalPnl()} exactly.</li>
 *   <li><b>Fees.</b> {@link Fill#fee()} in {@link Fill#feeAsset()}; a negative fee (rebate) follows the
 *       same rules with the sign flipped. In the quote (= valuation) currency: taken from the venue's
 *       cash, counted as fees. In the base asset: the base quantity shrinks by the fee, and the fee
 *       coins leave the ledger as if sold at the fill price (a gain or loss against their average cost
 *       is realised) while {@code fee × fill price} counts as fees. In any other asset (BNB): those
 *       coins leave that asset's ledger on the venue, sold at its fair value, and
 *       {@code fee × fair value} counts as a fee of the traded asset. If that asset has no fair value
 *       yet, the fee waits in its own currency ({@link #unconvertedFees}) — the fee asset's quantity
 *       already excludes it — and is priced and moved into fees at the fee asset's first mark.</li>
 * </ul>
 *
 * <p>Money is BigDecimal. Divisions (an average cost, a partial reduction's share of the cost basis)
 * round to {@link java.math.MathContext#DECIMAL128}; the ledgers are built so that this rounding never
 * breaks the equity identity above (see {@code CostBook}). Fair values marked as doubles are taken at their shortest
 * decimal representation ({@link BigDecimal#valueOf(double)}). {@link #driftDouble} and
 * {@link #quantityDouble} are kept up to date on every change, so reading them allocates nothing.
 */
public final class InventoryAggregator {
    /** Read-only stand-in for a ledger never written; never mutated. */
    private static final CostBook EMPTY = new CostBook();

    private final Asset valuationCurrency;
    /** Currencies counted one for one as the valuation currency. */
    private final Set<Asset> atPar;
    private final Map<Asset, AssetLedger> ledgers = new HashMap<>();
    private final Map<VenueId, BigDecimal> cash = new HashMap<>();
    /** Starting cash per venue, per currency (the valuation currency or one at par), in currency order. */
    private final Map<VenueId, Map<Asset, BigDecimal>> startingCash = new HashMap<>();
    private final Set<VenueId> venuesWithFills = new HashSet<>();
    /** Fees in an asset with no fair value yet: fee asset → (asset traded, venue) → amount. */
    private final Map<Asset, Map<PendingFeeKey, BigDecimal>> pendingFees = new HashMap<>();
    /** The engine thread, bound by the first fill or mark (only while assertions are enabled). */
    private Thread owner;

    private record PendingFeeKey(Asset traded, VenueId venue) {
    }

    /**
     * @param valuationCurrency the currency cash, fees, PnL and fair values are counted in (the config's
     *                          {@code quoteCurrency})
     * @param targets           target, band and max position per asset; other assets may still be held
     *                          and traded, but have no drift
     * @throws IllegalArgumentException when a target is given for the valuation currency
     */
    public InventoryAggregator(Asset valuationCurrency, Map<Asset, InventoryTarget> targets) {
        this(valuationCurrency, Set.of(), targets);
    }

    /**
     * @param valuationCurrency the currency cash, fees, PnL and fair values are counted in
     * @param atPar             currencies counted one for one as the valuation currency (USD next to USDT): markets
     *                          quoted in them are supported, and balances and fees in them are cash
     * @param targets           target, band and max position per asset
     * @throws IllegalArgumentException when a target is given for the valuation currency or one at par
     */
    public InventoryAggregator(Asset valuationCurrency, Set<Asset> atPar, Map<Asset, InventoryTarget> targets) {
        this.valuationCurrency = Objects.requireNonNull(valuationCurrency, "valuationCurrency");
        this.atPar = Set.copyOf(Objects.requireNonNull(atPar, "atPar"));
        Objects.requireNonNull(targets, "targets");
        targets.forEach((asset, target) -> {
            Objects.requireNonNull(target, () -> "target of " + asset);
            if (isCash(asset)) {
                throw new IllegalArgumentException(asset + " is the valuation currency"
                        + (asset.equals(valuationCurrency) ? "" : " (at par)") + " and cannot have an inventory target");
            }
            ledgers.put(asset, new AssetLedger(asset, target));
        });
    }

    /** True for the valuation currency and the currencies at par with it: amounts of them are cash. */
    public boolean isCash(Asset asset) {
        return asset.equals(valuationCurrency) || atPar.contains(asset);
    }

    public Asset valuationCurrency() {
        return valuationCurrency;
    }

    // ---------------------------------------------------------------------------------------------- setup

    /**
     * Sets what {@code venue} holds of {@code asset} before trading (replacing an earlier value). For the
     * valuation currency, or one at par with it, this is (part of) the venue's starting cash.
     *
     * @throws IllegalArgumentException when the quantity is negative
     * @throws IllegalStateException    for an asset that has already opened (been marked, opened or
     *                                  traded), or for cash on a venue that already has fills
     */
    public void setStartingBalance(VenueId venue, Asset asset, BigDecimal quantity) {
        assert calledFromOwner();
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException(
                    venue + ": starting balance of " + asset + " must be >= 0 (was " + quantity.toPlainString() + ")");
        }
        if (isCash(asset)) {
            if (venuesWithFills.contains(venue)) {
                throw new IllegalStateException(venue + ": starting cash must be set before the venue's first fill");
            }
            Map<Asset, BigDecimal> start = startingCash.computeIfAbsent(venue, v -> new TreeMap<>());
            start.put(asset, quantity);
            BigDecimal sum = null;
            for (BigDecimal amount : start.values()) {
                sum = sum == null ? amount : sum.add(amount);
            }
            cash.put(venue, sum);
            return;
        }
        AssetLedger ledger = ledger(asset);
        if (ledger.isOpen()) {
            throw new IllegalStateException(venue + ": starting balance of " + asset
                    + " must be set before the asset opens (it opened at " + ledger.openPrice().toPlainString() + ")");
        }
        BigDecimal previous = ledger.startingBalances.getOrDefault(venue, BigDecimal.ZERO);
        BigDecimal delta = quantity.subtract(previous);
        ledger.startingBalances.put(venue, quantity);
        ledger.venue(venue).addStartingQuantity(delta);
        ledger.total.addStartingQuantity(delta);
        ledger.refresh();
    }

    /**
     * Opens {@code asset} at {@code price}: its starting holdings get that cost basis (e.g. a basis
     * carried over from a previous run) instead of the first fair-value mark.
     *
     * @throws IllegalArgumentException when the price is not positive or the asset is the valuation currency
     * @throws IllegalStateException    when the asset is already open
     */
    public void openAt(Asset asset, BigDecimal price) {
        assert calledFromOwner();
        requireNotValuation(asset);
        Objects.requireNonNull(price, "price");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException(asset + ": opening price must be > 0 (was " + price.toPlainString() + ")");
        }
        AssetLedger ledger = ledger(asset);
        if (ledger.isOpen()) {
            throw new IllegalStateException(asset + " is already open at " + ledger.openPrice().toPlainString());
        }
        ledger.open(price);
    }

    /**
     * Fails fast at wiring time for a market whose fills this aggregator could not count.
     *
     * @throws IllegalArgumentException when the market is not quoted in the valuation currency or one at par
     */
    public void requireSupported(Instrument instrument) {
        if (!isCash(instrument.quote())) {
            throw new IllegalArgumentException(instrument.id() + " is quoted in " + instrument.quote()
                    + ", but inventory is valued in " + valuationCurrency
                    + (atPar.isEmpty() ? "" : " (and " + new TreeSet<>(atPar) + " at par)")
                    + " and supports only markets quoted in it");
        }
    }

    // -------------------------------------------------------------------------------------------- updates

    /**
     * Counts one of our fills on {@code instrument} (the venue is the instrument's venue); an inverse contract's
     * fill as its base size at the fill price ({@link Instrument#sizeToBase}).
     *
     * @throws IllegalArgumentException when the fill is for another instrument or the market is not quoted
     *                                  in the valuation currency (nothing is changed then)
     */
    public void onFill(Instrument instrument, Fill fill) {
        assert bindOwner();
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(fill, "fill");
        if (!fill.instrument().equals(instrument.id())) {
            throw new IllegalArgumentException("fill " + fill.tradeId() + " is for " + fill.instrument()
                    + ", not for " + instrument.id());
        }
        requireSupported(instrument);
        VenueId venue = instrument.id().venue();
        AssetLedger ledger = ledger(instrument.base());
        BigDecimal price = fill.price();
        if (!ledger.isOpen()) {
            ledger.open(price);
        }
        BigDecimal size = instrument.sizeToBase(fill.size(), price); // the fill's own size unless inverse
        BigDecimal signedSize = fill.side() == Side.BUY ? size : size.negate();
        CostBook venueBook = ledger.venue(venue);
        venueBook.trade(signedSize, price);
        ledger.total.trade(signedSize, price);
        venueBook.countFill();
        ledger.total.countFill();
        venuesWithFills.add(venue);
        addCash(venue, signedSize.negate().multiply(price));

        BigDecimal fee = fill.fee();
        if (fee.signum() != 0) {
            Asset feeAsset = fill.feeAsset();
            if (isCash(feeAsset)) {
                addCash(venue, fee.negate());
                venueBook.addFee(fee);
                ledger.total.addFee(fee);
            } else if (feeAsset.equals(instrument.base())) {
                venueBook.trade(fee.negate(), price);
                ledger.total.trade(fee.negate(), price);
                BigDecimal value = fee.multiply(price);
                venueBook.addFee(value);
                ledger.total.addFee(value);
            } else {
                chargeFeeInOtherAsset(ledger, venue, feeAsset, fee);
            }
        }
        ledger.refresh();
    }

    /**
     * Marks {@code asset} at {@code fairValue} (valuation currency per unit), the cross-venue price all
     * its venues' unrealised PnL is measured at. The first mark opens the asset if nothing else has, and
     * prices fees waiting in this asset. Hot path: allocates nothing when no such fee waits.
     *
     * @throws IllegalArgumentException when the value is not finite and positive, or for the valuation currency
     */
    public void markFairValue(Asset asset, double fairValue) {
        assert bindOwner();
        requireNotValuation(asset);
        if (!(fairValue > 0) || Double.isInfinite(fairValue)) {
            throw new IllegalArgumentException(asset + ": fair value must be finite and > 0 (was " + fairValue + ")");
        }
        AssetLedger ledger = ledger(asset);
        ledger.mark(fairValue);
        afterMark(ledger);
    }

    /** {@link #markFairValue(Asset, double)} with an exact decimal (replays, tests). */
    public void markFairValue(Asset asset, BigDecimal fairValue) {
        assert bindOwner();
        requireNotValuation(asset);
        Objects.requireNonNull(fairValue, "fairValue");
        if (fairValue.signum() <= 0) {
            throw new IllegalArgumentException(asset + ": fair value must be > 0 (was " + fairValue.toPlainString() + ")");
        }
        AssetLedger ledger = ledger(asset);
        ledger.mark(fairValue);
        afterMark(ledger);
    }

    private void afterMark(AssetLedger ledger) {
        if (!ledger.isOpen()) {
            ledger.open(ledger.fairValueDecimal());
        }
        if (!pendingFees.isEmpty()) {
            Map<PendingFeeKey, BigDecimal> waiting = pendingFees.remove(ledger.asset);
            if (waiting != null) {
                settlePendingFees(ledger, waiting);
            }
        }
    }

    private void chargeFeeInOtherAsset(AssetLedger traded, VenueId venue, Asset feeAsset, BigDecimal fee) {
        AssetLedger feeLedger = ledger(feeAsset);
        if (feeLedger.hasFairValue()) {
            BigDecimal fairValue = feeLedger.fairValueDecimal();
            feeLedger.venue(venue).trade(fee.negate(), fairValue);
            feeLedger.total.trade(fee.negate(), fairValue);
            BigDecimal value = fee.multiply(fairValue);
            traded.venue(venue).addFee(value);
            traded.total.addFee(value);
        } else {
            feeLedger.venue(venue).addPendingFeeDeduction(fee);
            feeLedger.total.addPendingFeeDeduction(fee);
            pendingFees.computeIfAbsent(feeAsset, a -> new LinkedHashMap<>())
                    .merge(new PendingFeeKey(traded.asset, venue), fee, BigDecimal::add);
        }
        feeLedger.refresh();
    }

    private void settlePendingFees(AssetLedger feeLedger, Map<PendingFeeKey, BigDecimal> waiting) {
        BigDecimal fairValue = feeLedger.fairValueDecimal();
        waiting.forEach((key, amount) -> {
            if (amount.signum() == 0) {
                return; // fees and rebates that cancelled out
            }
            feeLedger.venue(key.venue()).settlePendingFee(amount, fairValue);
            feeLedger.total.settlePendingFee(amount, fairValue);
            AssetLedger traded = ledgers.get(key.traded());
            BigDecimal value = amount.multiply(fairValue);
            traded.venue(key.venue()).addFee(value);
            traded.total.addFee(value);
        });
        feeLedger.refresh();
    }

    private void addCash(VenueId venue, BigDecimal delta) {
        cash.merge(venue, delta, BigDecimal::add);
    }

    // ------------------------------------------------------------------------------------ hot-path queries

    /**
     * Total quantity − target of {@code asset}, as a double rounded once from the exact value.
     *
     * @throws IllegalArgumentException when the asset has no target
     */
    public double driftDouble(Asset asset) {
        assert calledFromOwner();
        return targeted(asset).driftDouble();
    }

    /** The total quantity of {@code asset} as a double; 0 for an asset never seen. */
    public double quantityDouble(Asset asset) {
        assert calledFromOwner();
        requireNotValuation(asset);
        AssetLedger ledger = ledgers.get(asset);
        return ledger == null ? 0.0 : ledger.quantityDouble();
    }

    // ---------------------------------------------------------------------------------------- exact queries

    /** The quantity held of {@code asset} across venues; zero for an asset never seen. */
    public BigDecimal quantity(Asset asset) {
        return book(asset, null).quantity();
    }

    /** The quantity held of {@code asset} on {@code venue}; zero when none was ever held there. */
    public BigDecimal quantity(Asset asset, VenueId venue) {
        return book(asset, Objects.requireNonNull(venue, "venue")).quantity();
    }

    /** @throws IllegalArgumentException when the asset has no target */
    public BigDecimal drift(Asset asset) {
        assert calledFromOwner();
        return targeted(asset).drift();
    }

    /** The asset's target, band and max position; empty when it has none. */
    public Optional<InventoryTarget> target(Asset asset) {
        assert calledFromOwner();
        AssetLedger ledger = ledgers.get(asset);
        return ledger == null ? Optional.empty() : Optional.ofNullable(ledger.target);
    }

    /** The average cost of the open quantity across venues; zero when flat. */
    public BigDecimal averageCost(Asset asset) {
        return book(asset, null).averageCost();
    }

    public BigDecimal averageCost(Asset asset, VenueId venue) {
        return book(asset, Objects.requireNonNull(venue, "venue")).averageCost();
    }

    /** Realised PnL of {@code asset} across venues, fees excluded. */
    public BigDecimal realisedPnl(Asset asset) {
        return book(asset, null).realised();
    }

    public BigDecimal realisedPnl(Asset asset, VenueId venue) {
        return book(asset, Objects.requireNonNull(venue, "venue")).realised();
    }

    /**
     * Unrealised PnL of {@code asset} across venues at its fair value; zero when flat.
     *
     * @throws IllegalStateException when the asset is held but has no fair value yet
     */
    public BigDecimal unrealisedPnl(Asset asset) {
        return unrealised(asset, book(asset, null));
    }

    public BigDecimal unrealisedPnl(Asset asset, VenueId venue) {
        return unrealised(asset, book(asset, Objects.requireNonNull(venue, "venue")));
    }

    /** Fees paid on fills of {@code asset} across venues, in the valuation currency (priced fees only). */
    public BigDecimal fees(Asset asset) {
        return book(asset, null).fees();
    }

    public BigDecimal fees(Asset asset, VenueId venue) {
        return book(asset, Objects.requireNonNull(venue, "venue")).fees();
    }

    /** Fees charged on fills of {@code asset} in assets with no fair value yet, in their own currency. */
    public Map<Asset, BigDecimal> unconvertedFees(Asset asset) {
        assert calledFromOwner();
        return Collections.unmodifiableMap(unconverted(asset));
    }

    /** The fees waiting on {@code traded}'s fills, by fee asset in code order, leaving out those that net to zero. */
    private Map<Asset, BigDecimal> unconverted(Asset traded) {
        if (pendingFees.isEmpty()) {
            return Map.of();
        }
        Map<Asset, BigDecimal> sums = new TreeMap<>();
        pendingFees.forEach((feeAsset, waiting) -> waiting.forEach((key, amount) -> {
            if (key.traded().equals(traded)) {
                sums.merge(feeAsset, amount, BigDecimal::add);
            }
        }));
        sums.values().removeIf(amount -> amount.signum() == 0);
        return sums;
    }

    /** The number of fills of {@code asset} (as base) on {@code venue}. */
    public long fills(Asset asset, VenueId venue) {
        return book(asset, Objects.requireNonNull(venue, "venue")).fills();
    }

    public long fills(Asset asset) {
        return book(asset, null).fills();
    }

    /** The position of {@code asset} across venues (its venue is null). */
    public Position position(Asset asset) {
        return position(asset, book(asset, null), null);
    }

    public Position position(Asset asset, VenueId venue) {
        return position(asset, book(asset, Objects.requireNonNull(venue, "venue")), venue);
    }

    /** Valuation-currency cash on {@code venue}; zero for a venue never seen. */
    public BigDecimal cash(VenueId venue) {
        assert calledFromOwner();
        return cash.getOrDefault(Objects.requireNonNull(venue, "venue"), BigDecimal.ZERO);
    }

    /** Valuation-currency cash across venues. */
    public BigDecimal cash() {
        assert calledFromOwner();
        return cash.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean hasFairValue(Asset asset) {
        assert calledFromOwner();
        AssetLedger ledger = ledgers.get(asset);
        return ledger != null && ledger.hasFairValue();
    }

    /** @throws IllegalStateException when the asset has not been marked */
    public BigDecimal fairValue(Asset asset) {
        assert calledFromOwner();
        AssetLedger ledger = ledgers.get(asset);
        if (ledger == null || !ledger.hasFairValue()) {
            throw new IllegalStateException(asset + " has no fair value yet");
        }
        return ledger.fairValueDecimal();
    }

    /** True when every asset held (or with fees waiting) has a fair value, so PnL and equity are known. */
    public boolean isFullyMarked() {
        assert calledFromOwner();
        return firstUnmarked() == null;
    }

    /**
     * Σ over assets of realised + unrealised − fees, in the valuation currency.
     *
     * @throws IllegalStateException when a held asset has no fair value yet (see {@link #isFullyMarked()})
     */
    public BigDecimal totalPnl() {
        assert calledFromOwner();
        requireFullyMarked();
        BigDecimal sum = BigDecimal.ZERO;
        for (AssetLedger ledger : ledgers.values()) {
            sum = sum.add(ledger.total.realised())
                    .add(unrealised(ledger.asset, ledger.total))
                    .subtract(ledger.total.fees());
        }
        return sum;
    }

    /**
     * cash + Σ quantity × fair value, in the valuation currency.
     *
     * @throws IllegalStateException when a held asset has no fair value yet (see {@link #isFullyMarked()})
     */
    public BigDecimal equity() {
        assert calledFromOwner();
        requireFullyMarked();
        BigDecimal sum = cash();
        for (AssetLedger ledger : ledgers.values()) {
            if (!ledger.total.isFlat()) {
                sum = sum.add(ledger.quantity().multiply(ledger.fairValueDecimal()));
            }
        }
        return sum;
    }

    /** An immutable copy of the whole inventory, safe to hand to the status printer or the journal. */
    public InventorySnapshot snapshot() {
        assert calledFromOwner();
        Map<VenueId, BigDecimal> cashByVenue = new LinkedHashMap<>();
        sortedVenues(cash.keySet()).forEach(v -> cashByVenue.put(v, cash.get(v)));

        List<AssetLedger> sorted = new ArrayList<>(ledgers.values());
        sorted.sort(Comparator.comparing(l -> l.asset));
        Map<Asset, AssetInventory> assets = new LinkedHashMap<>();
        for (AssetLedger ledger : sorted) {
            BigDecimal fair = ledger.fairValueDecimal();
            Map<VenueId, Holding> byVenue = new LinkedHashMap<>();
            for (VenueId venue : sortedVenues(ledger.byVenue.keySet())) {
                byVenue.put(venue, holding(ledger, ledger.byVenue.get(venue), venue, fair));
            }
            assets.put(ledger.asset, new AssetInventory(ledger.asset, holding(ledger, ledger.total, null, fair),
                    byVenue, ledger.target, ledger.target == null ? null : ledger.drift(), fair,
                    unconverted(ledger.asset)));
        }
        boolean marked = firstUnmarked() == null;
        return new InventorySnapshot(valuationCurrency, cashByVenue, cash(), assets,
                marked ? equity() : null, marked ? totalPnl() : null);
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private static Holding holding(AssetLedger ledger, CostBook book, VenueId venue, BigDecimal fair) {
        BigDecimal unrealised = book.isFlat() ? BigDecimal.ZERO : fair == null ? null : book.unrealised(fair);
        return new Holding(position(ledger.asset, book, venue), unrealised, book.fills());
    }

    private static Position position(Asset asset, CostBook book, VenueId venue) {
        return new Position(asset, venue, book.quantity(), book.averageCost(), book.realised(), book.fees());
    }

    private static List<VenueId> sortedVenues(Collection<VenueId> venues) {
        List<VenueId> list = new ArrayList<>(venues);
        list.sort(Comparator.comparing(VenueId::name));
        return list;
    }

    private BigDecimal unrealised(Asset asset, CostBook book) {
        if (book.isFlat()) {
            return BigDecimal.ZERO;
        }
        AssetLedger ledger = ledgers.get(asset);
        if (!ledger.hasFairValue()) {
            throw new IllegalStateException(asset + " is held but has no fair value yet");
        }
        return book.unrealised(ledger.fairValueDecimal());
    }

    private Asset firstUnmarked() {
        for (AssetLedger ledger : ledgers.values()) {
            if (!ledger.total.isFlat() && !ledger.hasFairValue()) {
                return ledger.asset;
            }
        }
        return null;
    }

    private void requireFullyMarked() {
        Asset unmarked = firstUnmarked();
        if (unmarked != null) {
            throw new IllegalStateException(unmarked + " is held but has no fair value yet");
        }
    }

    /** The ledger of {@code asset} on {@code venue} (or in total when venue is null); an empty one if never seen. */
    private CostBook book(Asset asset, VenueId venue) {
        assert calledFromOwner();
        requireNotValuation(asset);
        AssetLedger ledger = ledgers.get(asset);
        if (ledger == null) {
            return EMPTY;
        }
        if (venue == null) {
            return ledger.total;
        }
        CostBook book = ledger.byVenue.get(venue);
        return book == null ? EMPTY : book;
    }

    private AssetLedger ledger(Asset asset) {
        return ledgers.computeIfAbsent(asset, a -> new AssetLedger(a, null));
    }

    private AssetLedger targeted(Asset asset) {
        AssetLedger ledger = ledgers.get(Objects.requireNonNull(asset, "asset"));
        if (ledger == null || ledger.target == null) {
            throw new IllegalArgumentException(asset + " has no inventory target");
        }
        return ledger;
    }

    private void requireNotValuation(Asset asset) {
        Objects.requireNonNull(asset, "asset");
        if (isCash(asset)) {
            throw new IllegalArgumentException(asset + " is the valuation currency"
                    + (asset.equals(valuationCurrency) ? "" : " (at par)") + ": its holdings are cash (see cash())");
        }
    }

    private boolean bindOwner() {
        Thread current = Thread.currentThread();
        if (owner == null) {
            owner = current;
        }
        return calledFromOwner();
    }

    private boolean calledFromOwner() {
        Thread current = Thread.currentThread();
        if (owner != null && owner != current) {
            throw new AssertionError("InventoryAggregator is owned by thread '" + owner.getName()
                    + "' but was called from '" + current.getName() + "'");
        }
        return true;
    }
}
