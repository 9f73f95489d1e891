package dev.ballast.bot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link YamlNode} tree that remembers where every key and value starts, substituting
 * {@code ${VAR}} references in scalar values on the way. Duplicate keys, aliases and a second document are
 * reported as problems; a syntax error stops the read (the parser cannot go on past it) and is reported with
 * its line and column.
 *
 * <p>Implementation notes: Jackson's {@link YAMLParser} streams tokens with their locations (1-based lines and
 * columns); the tree is built by recursive descent over those tokens. Scalars keep their text as written, so
 * numbers are later parsed exactly (never through a double) and quoting does not change the value.
 *
 * <p>Stateless apart from one read; a new instance per read.
 */
final class YamlTreeReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL) // 'key:' with no value is a null, not ''
            .build();
    /** Parser messages that name Java classes or settings: never shown to the operator as they are. */
    private static final Pattern INTERNAL_TEXT =
            Pattern.compile(".*(<|`|\\b(org|com|java|javax)\\.[a-z]|Exception|Constraints).*");

    private final Problems problems;
    private final Function<String, String> env;
    private YAMLParser parser;

    YamlTreeReader(Problems problems, Function<String, String> env) {
        this.problems = problems;
        this.env = env;
    }

    /** The top-level mapping, or null when the text cannot be read as one (the reason is in the problems). */
    YamlNode.Mapping read(String text) {
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.inFile("the file has no settings in it");
                return null;
            }
            YamlNode.Mark rootMark = mark();
            if (first != JsonToken.START_OBJECT) {
                problems.at(rootMark, "the top level must be a mapping of keys to values, like 'mode: paper'");
                return null;
            }
            YamlNode.Mapping root = readMapping("");
            if (p.nextToken() != null) {
                problems.at(mark(), "only one YAML document is allowed: remove the '---' and what follows it");
            }
            return root;
        } catch (JsonProcessingException e) {
            reportSyntaxError(e);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string", e); // no I/O happens on a String
        }
    }

    /** @param credential true below a key named like a credential: its values are never shown */
    private YamlNode readNode(String path, boolean credential) throws IOException {
        JsonToken token = parser.currentToken();
        YamlNode.Mark mark = mark();
        return switch (token) {
            case START_OBJECT -> readMapping(path);
            case START_ARRAY -> readSequence(path, credential);
            case VALUE_NULL -> YamlNode.Scalar.ofNull(mark);
            default -> readScalar(path, mark, credential);
        };
    }

    private YamlNode.Mapping readMapping(String path) throws IOException {
        YamlNode.Mark mark = mark();
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            YamlNode.Mark keyMark = mark();
            String childPath = path.isEmpty() ? key : path + "." + key;
            parser.nextToken();
            YamlNode value = readNode(childPath, Section.isCredentialKey(key));
            YamlNode.Entry first = entries.get(key);
            if (first != null) {
                problems.at(keyMark, childPath + ": duplicate key (first defined at line "
                        + first.keyMark().line() + ")");
            } else {
                entries.put(key, new YamlNode.Entry(key, keyMark, value));
            }
        }
        return new YamlNode.Mapping(entries, mark);
    }

    private YamlNode.Sequence readSequence(String path, boolean credential) throws IOException {
        YamlNode.Mark mark = mark();
        List<YamlNode> items = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readNode(path + "[" + index++ + "]", credential));
        }
        return new YamlNode.Sequence(items, mark);
    }

    private YamlNode.Scalar readScalar(String path, YamlNode.Mark mark, boolean credential) throws IOException {
        String raw = parser.getText();
        if (parser.isCurrentAlias()) {
            problems.at(mark, path + ": YAML aliases (*" + raw + ") are not supported: write the value out");
            return new YamlNode.Scalar(null, raw, true, mark);
        }
        EnvSubstitution.Result result = EnvSubstitution.apply(raw, env, credential);
        for (String error : result.errors()) {
            problems.at(mark, path + ": " + error);
        }
        return new YamlNode.Scalar(result.value(), raw, !result.ok(), mark);
    }

    private YamlNode.Mark mark() {
        JsonLocation location = parser.currentTokenLocation();
        return new YamlNode.Mark(location.getLineNr(), location.getColumnNr());
    }

    private void reportSyntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            org.yaml.snakeyaml.error.Mark at = yaml.getProblemMark();
            String message = yaml.getProblem();
            org.yaml.snakeyaml.error.Mark contextAt = yaml.getContextMark();
            if (yaml.getContext() != null && contextAt != null
                    && (contextAt.getLine() != at.getLine() || contextAt.getColumn() != at.getColumn())) {
                message += " (" + yaml.getContext() + " started at "
                        + (contextAt.getLine() + 1) + ":" + (contextAt.getColumn() + 1) + ")";
            }
            problems.at(new YamlNode.Mark(at.getLine() + 1, at.getColumn() + 1), message);
            return;
        }
        JsonLocation location = e.getLocation();
        String message = operatorMessage(e.getOriginalMessage());
        if (location != null && location.getLineNr() > 0) {
            problems.at(new YamlNode.Mark(location.getLineNr(), Math.max(1, location.getColumnNr())), message);
        } else {
            problems.inFile(message);
        }
    }

    /** A parser message fit for the operator: its first line, unless that talks about Java internals. */
    private static String operatorMessage(String message) {
        if (message == null || message.isBlank()) {
            return "the file is not valid YAML";
        }
        if (message.startsWith("Expected a field name")) {
            return "a key must be a plain name, not a list or a mapping";
        }
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        return INTERNAL_TEXT.matcher(firstLine).matches() ? "the file is not valid YAML here" : firstLine;
    }
}
