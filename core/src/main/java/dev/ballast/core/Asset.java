package dev.ballast.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** A currency or coin code such as {@code BTC} or {@code USDT}: upper case letters and digits. */
public record Asset(String code) implements Comparable<Asset> {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{1,16}");

    public Asset {
        Objects.requireNonNull(code, "code");
        if (!VALID.matcher(code).matches()) {
            throw new IllegalArgumentException("asset code must match " + VALID + " (was '" + code + "')");
        }
    }

    public static Asset of(String code) {
        return new Asset(code);
    }

    @Override
    public int compareTo(Asset o) {
        return code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
