package dev.ballast.bot.status;

import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.inventory.AssetInventory;
import dev.ballast.bot.inventory.Holding;
import dev.ballast.bot.inventory.InventorySnapshot;
import dev.ballast.bot.risk.DenyReason;
import dev.ballast.bot.risk.RiskStatus;
import dev.ballast.bot.risk.TradingState;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.Order;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.RejectReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the engine's state for an operator: the compact periodic status and the final report. Reads the
 * engine, so it runs on the engine thread; the text it returns may be printed from anywhere.
 * Shows no secrets: it only sees inventory, orders and counters.
 */
public final class StatusFormatter {
    private StatusFormatter() {
    }

    /** The periodic status block: per asset position per venue and total, target, drift, PnL, open quotes, fills. */
    public static String status(Engine engine, long startNs) {
        InventorySnapshot snap = engine.inventory().snapshot();
        StringBuilder sb = new StringBuilder(512);
        long now = engine.nowNs();
        sb.append("── status ").append(Instant.ofEpochSecond(0, now).truncatedTo(ChronoUnit.SECONDS))
                .append("  up ").append(uptime(now - startNs))
                .append(engine.isQuoting() ? "  quoting" : "  stopping").append('\n');
        sb.append("venues");
        boolean firstVenue = true;
        for (VenueId venue : engine.venues().keySet().stream().sorted(java.util.Comparator.comparing(VenueId::name)).toList()) {
            sb.append(firstVenue ? " " : " · ").append(venue).append(' ').append(engine.venueHealth(venue).description());
            firstVenue = false;
        }
        sb.append('\n');
        RiskStatus risk = engine.riskStatus();
        sb.append("trading ").append(risk.state());
        if (risk.state() != TradingState.ACTIVE || risk.lastCommand() != null) {
            sb.append(" since ").append(Instant.ofEpochSecond(0, risk.sinceNs()).truncatedTo(ChronoUnit.SECONDS))
                    .append(" (").append(risk.reason()).append(')');
        }
        if (risk.lastCommand() != null) {
            sb.append("  last command ").append(risk.lastCommand());
        }
        sb.append('\n');
        String ccy = snap.valuationCurrency().code();
        for (Asset asset : engine.assets()) {
            AssetInventory a = snap.assets().get(asset);
            if (a == null) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-5s fair %s  position %s (", asset.code(),
                    num(a.fairValue(), 2), num(a.total().position().quantity(), 4)));
            boolean first = true;
            for (Map.Entry<VenueId, Holding> v : a.byVenue().entrySet()) {
                sb.append(first ? "" : ", ").append(v.getKey()).append(' ').append(num(v.getValue().position().quantity(), 4));
                first = false;
            }
            sb.append(")  target ").append(num(a.target() == null ? null : a.target().target(), 4))
                    .append("  drift ").append(signed(a.drift(), 4));
            if (a.target() != null) {
                sb.append(" [band ±").append(num(a.target().band(), 4)).append(", max ±")
                        .append(num(a.target().maxPosition(), 4)).append(']');
            }
            sb.append("  PnL ").append(signed(a.total().totalPnl(), 2)).append(' ').append(ccy).append('\n');
            sb.append("      quotes ");
            first = true;
            for (Instrument i : engine.instruments(asset)) {
                sb.append(first ? "" : " · ").append(i.id().venue()).append(' ')
                        .append(quote(engine.quote(i.id(), Side.BUY))).append(" / ")
                        .append(quote(engine.quote(i.id(), Side.SELL)));
                first = false;
            }
            sb.append("   fills");
            for (Instrument i : engine.instruments(asset)) {
                sb.append(' ').append(i.id().venue()).append(' ').append(engine.fillsByMarket().getOrDefault(i.id(), 0L));
            }
            sb.append('\n');
            Engine.RebalanceStatus r = engine.rebalanceStatus(asset);
            if (r != null) {
                sb.append(String.format(Locale.ROOT, "      model σ %s bps/√s, λ(δ) = %s·e^(−%s·δbps)/s%s;",
                        fixed(r.sigmaBpsPerSqrtSec(), 2), fixed(r.intensityA(), 3), fixed(r.intensityKPerBps(), 3),
                        r.intensityFitted() ? "" : " (fallback)"));
                for (Instrument i : engine.instruments(asset)) {
                    Engine.Liquidity l = engine.liquidity(i.id());
                    if (l != null) {
                        sb.append(String.format(Locale.ROOT, " %s spread %s bps depth %s/%s", i.id().venue(),
                                fixed(l.spreadBps(), 1), fixed(l.bidDepthBase(), 3), fixed(l.askDepthBase(), 3)));
                    }
                }
                sb.append('\n');
                if (r.lastDecision() != null) {
                    sb.append("      decision ").append(r.lastDecision().reason()).append('\n');
                    var recent = engine.decisions().recent(asset);
                    if (recent.size() > 1) {
                        sb.append("      earlier");
                        for (int i = 1; i < Math.min(recent.size(), 6); i++) { // newest first
                            var entry = recent.get(i);
                            sb.append(' ').append(entry.decision().action());
                            entry.decision().side().ifPresent(s -> sb.append(' ').append(s));
                            if (entry.decision().isHedge()) {
                                sb.append(' ').append(fixed(entry.decision().hedgeSizeBase(), 4));
                            }
                            if (entry.count() > 1) {
                                sb.append(" ×").append(entry.count());
                            }
                            sb.append(" @").append(Instant.ofEpochSecond(0, entry.firstTimestampNs())
                                    .truncatedTo(ChronoUnit.SECONDS).toString().substring(11, 19)).append(';');
                        }
                        sb.setLength(sb.length() - 1);
                        sb.append('\n');
                    }
                }
                if (r.hedgeInFlight() != null) {
                    sb.append("      hedge in flight ").append(r.hedgeInFlight()).append('\n');
                }
                if (r.hedgesDone() > 0) {
                    sb.append(String.format(Locale.ROOT, "      hedges done %d, %s %s hedged, cost %s %s (%s bps vs fair at decision)%n",
                            r.hedgesDone(), fixed(r.hedgedBase(), 4), asset.code(), fixed(r.hedgeCostQuote(), 2), ccy,
                            fixed(r.hedgeCostBps(), 2)));
                }
            }
        }
        var om = engine.orders();
        sb.append(String.format(Locale.ROOT,
                "total equity %s %s  PnL %s  orders live %d placed %d cancels %d rejected %d%s denied %d%s",
                num(snap.equity(), 2), ccy, signed(snap.totalPnl(), 2), om.liveCount(), om.placedCount(),
                om.cancelsSentCount(), om.rejectCount(), rejects(om.rejectsByReason()), om.deniedCount(),
                denials(risk.deniedByReason())));
        if (engine.eventErrors() > 0 || engine.inboxRejected() > 0) {
            sb.append(String.format(Locale.ROOT, "  EVENT ERRORS %d  INBOX FULL %d", engine.eventErrors(), engine.inboxRejected()));
        }
        return sb.toString();
    }

    /** The final report: per asset and venue, quantity, average cost, realised/unrealised PnL, fees; cash; equity. */
    public static String finalReport(Engine engine) {
        InventorySnapshot snap = engine.inventory().snapshot();
        String ccy = snap.valuationCurrency().code();
        StringBuilder sb = new StringBuilder(1024);
        sb.append("══ FINAL inventory and PnL (").append(ccy).append(") ══\n");
        sb.append(String.format(Locale.ROOT, "%-6s %-8s %14s %14s %12s %12s %10s %12s %6s%n",
                "asset", "venue", "quantity", "avg cost", "realised", "unrealised", "fees", "total PnL", "fills"));
        for (Asset asset : engine.assets()) {
            AssetInventory a = snap.assets().get(asset);
            if (a == null) {
                continue;
            }
            for (Map.Entry<VenueId, Holding> v : a.byVenue().entrySet()) {
                row(sb, asset.code(), v.getKey().name(), v.getValue());
            }
            row(sb, asset.code(), "total", a.total());
            sb.append(String.format(Locale.ROOT, "%-6s target %s  drift %s  fair value %s%n", "",
                    num(a.target() == null ? null : a.target().target(), 4), signed(a.drift(), 4), num(a.fairValue(), 2)));
        }
        for (Map.Entry<VenueId, BigDecimal> c : snap.cashByVenue().entrySet()) {
            sb.append(String.format(Locale.ROOT, "cash   %-8s %14s %s%n", c.getKey(), num(c.getValue(), 2), ccy));
        }
        sb.append(String.format(Locale.ROOT, "equity %s %s   total PnL %s %s   open orders %d",
                num(snap.equity(), 2), ccy, signed(snap.totalPnl(), 4), ccy, engine.orders().liveCount()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String asset, String venue, Holding h) {
        var p = h.position();
        sb.append(String.format(Locale.ROOT, "%-6s %-8s %14s %14s %12s %12s %10s %12s %6d%n", asset, venue,
                num(p.quantity(), 6), num(p.averageCost(), 2), signed(p.realisedPnl(), 4),
                signed(h.unrealisedPnl(), 4), num(p.fees(), 4), signed(h.totalPnl(), 4), h.fills()));
    }

    private static String quote(Order o) {
        if (o == null) {
            return "-";
        }
        return o.remainingSize().stripTrailingZeros().toPlainString() + "@" + o.price().toPlainString();
    }

    private static String rejects(Map<RejectReason, Long> byReason) {
        if (byReason.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        boolean first = true;
        for (Map.Entry<RejectReason, Long> e : byReason.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            first = false;
        }
        return sb.append(')').toString();
    }

    /** The risk guards' denials by reason, in reason order; the rest of the denied count is min-notional or send failures. */
    private static String denials(Map<DenyReason, Long> byReason) {
        if (byReason.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        boolean first = true;
        for (DenyReason r : DenyReason.values()) {
            Long n = byReason.get(r);
            if (n != null) {
                sb.append(first ? "" : ", ").append(r).append(' ').append(n);
                first = false;
            }
        }
        return sb.append(')').toString();
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String num(BigDecimal v, int scale) {
        return v == null ? "n/a" : v.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String signed(BigDecimal v, int scale) {
        if (v == null) {
            return "n/a";
        }
        String s = num(v, scale);
        return v.signum() >= 0 ? "+" + s : s;
    }

    private static String uptime(long ns) {
        long s = Math.max(0, ns / 1_000_000_000L);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
