package dev.ballast.bot.config;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One mapping of a config file as the loader reads it: typed reads of its keys, each reporting a missing
 * value, a wrong type or a bad key to {@link Problems} with the dotted path and the place in the file, and
 * returning null instead of throwing, so that one load finds every problem. The keys read are the valid
 * keys; {@link #rejectUnknownKeys()} reports the others with the closest valid name.
 *
 * <p>Values of keys named like a credential ({@code *key*}, {@code *secret*}, {@code *passphrase*},
 * {@code *password*}, {@code *token*}) are never shown in a message. A credential itself is read with
 * {@link #secret}, which takes it only as a reference to an environment variable.
 *
 * <p>Not thread-safe: used by one load.
 */
final class Section {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final Pattern SECRET_KEY =
            Pattern.compile(".*(key|secret|passphrase|password|token).*", Pattern.CASE_INSENSITIVE);
    /** The whole value of a credential: one variable, no default (a default would be the secret itself). */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    static final String NUMBER = "must be a number";
    static final String WHOLE_NUMBER = "must be a whole number";
    static final String ASSET = "must be an asset code of upper case letters and digits, like BTC";
    static final String MAPPING = "must be a mapping of keys to values";
    static final String FLAG = "must be true or false";
    static final String URL = "must be a URL like wss://host:port/path";
    static final String TEXT = "must be a non-empty text";

    private final Problems problems;
    private final String path;
    private final YamlNode.Mapping mapping;
    private final YamlNode.Mark anchor;
    private final Set<String> known = new LinkedHashSet<>();
    private boolean failed;

    private Section(Problems problems, String path, YamlNode.Mapping mapping, YamlNode.Mark anchor) {
        this.problems = problems;
        this.path = path;
        this.mapping = mapping;
        this.anchor = anchor;
    }

    /** The top level of a file. */
    static Section root(Problems problems, YamlNode.Mapping mapping) {
        return new Section(problems, "", mapping, null);
    }

    /** The dotted path of this mapping ({@code ""} at the top level). */
    String path() {
        return path;
    }

    /** The dotted path of one of this mapping's keys. */
    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** True for a key named like a credential, whose value is never shown in a message. */
    static boolean isCredentialKey(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    /** True when a read in this mapping (not in the ones below it) found a problem. */
    boolean failed() {
        return failed;
    }

    // ---- keys with fixed names

    BigDecimal decimal(String key) {
        return value(key, true, null, Section::parseDecimal, NUMBER);
    }

    BigDecimal decimal(String key, BigDecimal fallback) {
        return value(key, false, fallback, Section::parseDecimal, NUMBER);
    }

    Double number(String key) {
        return value(key, true, null, Section::parseDouble, NUMBER);
    }

    Double number(String key, double fallback) {
        return value(key, false, fallback, Section::parseDouble, NUMBER);
    }

    Long whole(String key) {
        return value(key, true, null, Section::parseLong, WHOLE_NUMBER);
    }

    Long whole(String key, long fallback) {
        return value(key, false, fallback, Section::parseLong, WHOLE_NUMBER);
    }

    Integer integer(String key) {
        return value(key, true, null, Section::parseInt, WHOLE_NUMBER);
    }

    Integer integer(String key, int fallback) {
        return value(key, false, fallback, Section::parseInt, WHOLE_NUMBER);
    }

    Asset asset(String key) {
        return value(key, true, null, Section::parseAsset, ASSET);
    }

    /** Any non-empty text as written (trimmed), e.g. a file path or a journal URL; {@code fallback} when absent. */
    String text(String key, String fallback) {
        return value(key, false, fallback, text -> text.isEmpty() ? null : text, TEXT);
    }

    /** An absolute URL with a host ({@code https://api.binance.com}); {@code fallback} when absent. */
    /** A required absolute URL with a host. */
    URI url(String key) {
        return value(key, true, null, Section::parseUrl, URL);
    }

    URI url(String key, URI fallback) {
        return value(key, false, fallback, Section::parseUrl, URL);
    }

    /**
     * A credential (API key, secret, passphrase). It must be written as one whole reference to an environment
     * variable, {@code ${NAME}}, without a default: the value itself never belongs in a file, so a literal value
     * (or a default, which is one) is refused. Its value is never shown in a message, whatever is wrong with it;
     * the variable's name may be.
     *
     * @param exampleVariable the variable the hints suggest, e.g. {@code BINANCE_API_KEY}
     * @param requiredIn null when the key is optional; otherwise where it is required, completing
     *     "is required …" (e.g. {@code "in live mode"})
     * @return the secret, remembering its variable; null when absent, empty or refused (reported, except an
     *     optional key that is absent or empty)
     */
    Secret secret(String key, String exampleVariable, String requiredIn) {
        known.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        String entryPath = pathOf(key);
        String hint = key + ": ${" + exampleVariable + "}";
        if (entry == null) {
            if (requiredIn != null) {
                failed = true;
                problems.at(anchor, entryPath + " is required " + requiredIn + " (write " + hint
                        + " and set that variable)");
            }
            return null;
        }
        if (entry.value() instanceof YamlNode.Scalar s) {
            if (s.broken()) {
                failed = true;
                return null;
            }
            if (s.isNull()) {
                if (requiredIn != null) {
                    failed = true;
                    problems.at(entry.keyMark(), entryPath + " is required " + requiredIn + " (the value is empty;"
                            + " write " + hint + ")");
                }
                return null;
            }
            Matcher reference = REFERENCE.matcher(s.raw() == null ? "" : s.raw().strip());
            if (reference.matches()) {
                String variable = reference.group(1);
                String value = s.text().strip();
                if (value.isEmpty()) {
                    failed = true;
                    problems.at(s.mark(), entryPath + ": environment variable " + variable + " is set but empty");
                    return null;
                }
                return Secret.fromEnvironment(variable, value);
            }
        }
        failed = true;
        problems.at(entry.value().mark(), entryPath + " must be a reference to an environment variable, like "
                + hint + ", never the key itself: keys are kept out of config files (the value is not shown here)");
        return null;
    }

    /** {@code true} or {@code false} (case-insensitive). */
    Boolean flag(String key, boolean fallback) {
        return value(key, false, fallback, Section::parseFlag, FLAG);
    }

    /** One of an enum's values, by its config name (case-insensitive). */
    <E extends Enum<E>> E choice(String key, E[] values, Function<E, String> configName) {
        return choice(key, true, null, values, configName);
    }

    /** One of an enum's values, by its config name (case-insensitive); {@code fallback} when absent. */
    <E extends Enum<E>> E choice(String key, E fallback, E[] values, Function<E, String> configName) {
        return choice(key, false, fallback, values, configName);
    }

    /**
     * A key that is valid in this mapping only with another setting (the quote model's {@code horizonSec}):
     * reports it, at its place, with {@code why} (e.g. "not used by model gueant"), if it is present.
     */
    void notUsed(String key, String why) {
        known.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        if (entry != null) {
            failed = true;
            problems.at(entry.keyMark(), pathOf(key) + ": " + why);
        }
    }

    /**
     * Reports the value of a key already read as breaking a rule that depends on another setting (a venue type the
     * mode does not allow), at its place: {@code <path> <rule> (was <value>)}.
     */
    void reject(String key, String rule) {
        YamlNode.Entry entry = mapping.entries().get(key);
        if (entry == null) {
            throw new IllegalStateException(pathOf(key) + " is not in the file: nothing to reject");
        }
        failed = true;
        problems.at(entry.value().mark(), pathOf(key) + " " + rule + " (was " + shown(entry) + ")");
    }

    /** A required mapping; an empty value counts as an empty mapping. Null if absent or not a mapping. */
    Section section(String key) {
        known.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        if (entry == null) {
            missing(key);
            return null;
        }
        return child(entry);
    }

    /** A mapping that may be left out: null when absent (not a problem) or when not a mapping (reported). */
    Section sectionIfPresent(String key) {
        known.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? null : child(entry);
    }

    /** An optional mapping: an empty one when absent. Null if present but not a mapping. */
    Section optionalSection(String key) {
        known.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        if (entry == null) {
            return new Section(problems, pathOf(key), new YamlNode.Mapping(Map.of(), mapping.mark()), anchor);
        }
        return child(entry);
    }

    // ---- maps whose keys are names the operator chooses (venues, markets, assets, balances)

    /** The entries in file order. */
    Collection<YamlNode.Entry> entries() {
        return mapping.entries().values();
    }

    /** An entry's value as a mapping; null (and a problem) if it is not one. */
    Section child(YamlNode.Entry entry) {
        YamlNode value = entry.value();
        String childPath = pathOf(entry.key());
        if (value instanceof YamlNode.Mapping m) {
            return new Section(problems, childPath, m, entry.keyMark());
        }
        if (value instanceof YamlNode.Scalar s && s.isNull()) {
            return new Section(problems, childPath, new YamlNode.Mapping(Map.of(), s.mark()), entry.keyMark());
        }
        if (!(value instanceof YamlNode.Scalar s && s.broken())) {
            problems.at(value.mark(), childPath + " " + MAPPING + " (was " + shown(entry) + ")");
        }
        failed = true;
        return null;
    }

    /** An entry's value as an exact decimal. */
    BigDecimal decimal(YamlNode.Entry entry) {
        return convert(entry, true, null, Section::parseDecimal, NUMBER);
    }

    /** An entry's key as an asset code. */
    Asset assetKey(YamlNode.Entry entry) {
        return key(entry, Section::parseAsset, "the key " + ASSET);
    }

    /** An entry's key as a venue id. */
    VenueId venueKey(YamlNode.Entry entry) {
        return key(entry, Section::parseVenueId,
                "the key must be a venue id of lower case letters, digits, '-' and '_' (at most 32, like sim-a)");
    }

    /** Reports every key that was not read as unknown, naming the closest valid key. Call after all reads. */
    void rejectUnknownKeys() {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (known.contains(entry.key())) {
                continue;
            }
            String hint = Suggestions.closest(entry.key(), known)
                    .map(name -> "did you mean '" + name + "'?")
                    .orElseGet(() -> "valid keys here: " + String.join(", ", known));
            problems.at(entry.keyMark(), pathOf(entry.key()) + ": unknown key (" + hint + ")");
        }
    }

    // ---- implementation

    private <E extends Enum<E>> E choice(
            String key, boolean required, E fallback, E[] values, Function<E, String> configName) {
        String names = Arrays.stream(values).map(configName).collect(Collectors.joining(", "));
        return value(key, required, fallback, text -> Arrays.stream(values)
                .filter(v -> configName.apply(v).equalsIgnoreCase(text))
                .findFirst()
                .orElse(null), "must be one of: " + names);
    }

    private <T> T value(String key, boolean required, T fallback, Function<String, T> parse, String expectation) {
        known.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        if (entry == null) {
            if (required) {
                missing(key);
            }
            return fallback;
        }
        return convert(entry, required, fallback, parse, expectation);
    }

    private <T> T convert(
            YamlNode.Entry entry, boolean required, T fallback, Function<String, T> parse, String expectation) {
        String entryPath = pathOf(entry.key());
        if (entry.value() instanceof YamlNode.Scalar s) {
            if (s.broken()) {
                failed = true;
                return null;
            }
            if (s.isNull()) {
                if (required) {
                    failed = true;
                    problems.at(entry.keyMark(), entryPath + " is required (the value is empty)");
                }
                return fallback;
            }
            try {
                T parsed = parse.apply(s.text().strip());
                if (parsed != null) {
                    return parsed;
                }
            } catch (OutOfRange e) {
                expectation = e.expectation;
            }
        }
        failed = true;
        problems.at(entry.value().mark(), entryPath + " " + expectation + " (was " + shown(entry) + ")");
        return null;
    }

    private <T> T key(YamlNode.Entry entry, Function<String, T> parse, String expectation) {
        T parsed = parse.apply(entry.key());
        if (parsed == null) {
            failed = true;
            problems.at(entry.keyMark(), pathOf(entry.key()) + ": " + expectation);
        }
        return parsed;
    }

    private void missing(String key) {
        failed = true;
        problems.at(anchor, pathOf(key) + " is required");
    }

    private static String shown(YamlNode.Entry entry) {
        return isCredentialKey(entry.key()) ? "a value not shown here" : entry.value().describe();
    }

    private static URI parseUrl(String text) {
        try {
            URI url = new URI(text);
            return url.isAbsolute() && url.getHost() != null ? url : null;
        } catch (URISyntaxException notAUrl) {
            return null;
        }
    }

    private static Boolean parseFlag(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static BigDecimal parseDecimal(String text) {
        return DECIMAL.matcher(text).matches() ? Rules.normalize(new BigDecimal(text)) : null;
    }

    private static Double parseDouble(String text) {
        BigDecimal exact = parseDecimal(text);
        if (exact == null) {
            return null;
        }
        double value = exact.doubleValue();
        return Double.isFinite(value) ? value : null;
    }

    private static Long parseLong(String text) {
        BigDecimal exact = parseDecimal(text);
        if (exact == null || exact.scale() > 0) {
            return null;
        }
        try {
            return exact.longValueExact();
        } catch (ArithmeticException tooBig) {
            throw new OutOfRange(Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    private static Integer parseInt(String text) {
        Long value = parseLong(text);
        if (value != null && value != value.intValue()) {
            throw new OutOfRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        return value == null ? null : value.intValue();
    }

    /** A whole number too large for its field: tells {@link #convert} to say so rather than "not a number". */
    private static final class OutOfRange extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String expectation;

        OutOfRange(long min, long max) {
            super(null, null, false, false);
            this.expectation = "must be a whole number from " + min + " to " + max;
        }
    }

    private static Asset parseAsset(String text) {
        try {
            return Asset.of(text);
        } catch (IllegalArgumentException notACode) {
            return null;
        }
    }

    private static VenueId parseVenueId(String text) {
        try {
            return VenueId.of(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
