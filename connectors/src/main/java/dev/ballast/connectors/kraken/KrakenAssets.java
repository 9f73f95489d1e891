package dev.ballast.connectors.kraken;

import dev.ballast.core.Asset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kraken's asset names to ours. Kraken's REST API still uses its legacy ISO-4217-A3-style names for the
 * assets it listed first — an {@code X} prefix for crypto, a {@code Z} prefix for fiat ({@code XXBT},
 * {@code ZUSD}) — and calls bitcoin {@code XBT} and dogecoin {@code XDG}; assets listed later have plain names
 * ({@code USDT}, {@code DOT}). The WebSocket API uses the short names ({@code XBT/USD}).
 *
 * <table>
 *   <caption>Legacy names (everything else maps to itself)</caption>
 *   <tr><th>Kraken</th><th>ours</th></tr>
 *   <tr><td>XXBT, XBT</td><td>BTC</td></tr>
 *   <tr><td>XXDG, XDG</td><td>DOGE</td></tr>
 *   <tr><td>XETH, XETC, XLTC, XXRP, XXLM, XXMR, XZEC, XREP, XMLN</td>
 *       <td>ETH, ETC, LTC, XRP, XLM, XMR, ZEC, REP, MLN</td></tr>
 *   <tr><td>ZUSD, ZEUR, ZGBP, ZCAD, ZJPY, ZAUD</td><td>USD, EUR, GBP, CAD, JPY, AUD</td></tr>
 * </table>
 *
 * The table is explicit on purpose: stripping any leading X or Z would turn real assets such as {@code ZEUS}
 * into nonsense. Balance variants with a suffix ({@code ETH2.S} staked, {@code USD.HOLD}, {@code XBT.F}
 * opt-in rewards, {@code USDC.M}) are not spot balances we can trade and map to nothing. Stateless.
 */
public final class KrakenAssets {
    private static final Map<String, String> LEGACY = Map.ofEntries(
            Map.entry("XXBT", "BTC"), Map.entry("XBT", "BTC"),
            Map.entry("XXDG", "DOGE"), Map.entry("XDG", "DOGE"),
            Map.entry("XETH", "ETH"), Map.entry("XETC", "ETC"), Map.entry("XLTC", "LTC"),
            Map.entry("XXRP", "XRP"), Map.entry("XXLM", "XLM"), Map.entry("XXMR", "XMR"),
            Map.entry("XZEC", "ZEC"), Map.entry("XREP", "REP"), Map.entry("XMLN", "MLN"),
            Map.entry("ZUSD", "USD"), Map.entry("ZEUR", "EUR"), Map.entry("ZGBP", "GBP"),
            Map.entry("ZCAD", "CAD"), Map.entry("ZJPY", "JPY"), Map.entry("ZAUD", "AUD"));
    private static final Pattern PLAIN = Pattern.compile("[A-Z0-9]{1,16}");

    private KrakenAssets() {
    }

    /** Our asset for a Kraken asset name, or empty when it is not a tradable spot asset ({@code ETH2.S}). */
    public static Optional<Asset> toAsset(String krakenName) {
        if (krakenName == null) {
            return Optional.empty();
        }
        String mapped = LEGACY.getOrDefault(krakenName, krakenName);
        return PLAIN.matcher(mapped).matches() ? Optional.of(Asset.of(mapped)) : Optional.empty();
    }
}
