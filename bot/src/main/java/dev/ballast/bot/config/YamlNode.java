package dev.ballast.bot.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A YAML value as read from a config file, with the line and column it starts at, so that every problem can
 * point at its place in the file. Immutable; made by {@link YamlTreeReader} and read by {@link Section}.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** Where the node starts in the file. */
    Mark mark();

    /** How the node is shown in a problem message: the value for a scalar, its kind otherwise. */
    String describe();

    /** A 1-based line and column in the file. */
    record Mark(int line, int column) implements Comparable<Mark> {
        @Override
        public int compareTo(Mark o) {
            return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
        }

        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    /**
     * A single value. {@code text} is the value after {@code ${VAR}} substitution and {@code raw} the text as
     * written; {@code text} is null for a YAML null ({@code ~}, {@code null} or nothing) and for a value whose
     * substitution failed ({@code broken}, already reported).
     */
    record Scalar(String text, String raw, boolean broken, Mark mark) implements YamlNode {
        public Scalar {
            Objects.requireNonNull(mark, "mark");
        }

        static Scalar ofNull(Mark mark) {
            return new Scalar(null, null, false, mark);
        }

        boolean isNull() {
            return text == null && !broken;
        }

        @Override
        public String describe() {
            if (text == null) {
                return "nothing";
            }
            return raw == null || raw.equals(text) ? "'" + text + "'" : "'" + text + "' from '" + raw + "'";
        }
    }

    /** A key with its own position and its value. */
    record Entry(String key, Mark keyMark, YamlNode value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyMark, "keyMark");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Keys to values, in file order. */
    record Mapping(Map<String, Entry> entries, Mark mark) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            Objects.requireNonNull(mark, "mark");
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A list of values. */
    record Sequence(List<YamlNode> items, Mark mark) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
            Objects.requireNonNull(mark, "mark");
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
