package dev.ballast.bot.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in a scalar value with the environment variable
 * {@code NAME}. As in a POSIX shell, the default is used when the variable is unset or empty; a variable that
 * is unset and has no default is an error. <code>$${</code> writes a literal <code>${</code>. Substitution is not
 * recursive: a variable's value is used as it is.
 *
 * <p>In a credential's value the errors neither repeat the text of a malformed reference (it may be the secret
 * itself) nor suggest a default (a default would put the secret in the file).
 *
 * <p>Stateless and thread-safe.
 */
final class EnvSubstitution {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The value after substitution, or the reasons it failed (never containing any variable's value). */
    record Result(String value, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private EnvSubstitution() {
    }

    /**
     * @param env the environment: returns a variable's value, or null when it is not set
     */
    static Result apply(String text, Function<String, String> env) {
        return apply(text, env, false);
    }

    /**
     * @param env the environment: returns a variable's value, or null when it is not set
     * @param credential true for the value of a credential key: messages then hold nothing of the text but
     *     variable names
     */
    static Result apply(String text, Function<String, String> env, boolean credential) {
        if (text.indexOf('$') < 0) {
            return new Result(text, List.of());
        }
        StringBuilder out = new StringBuilder(text.length());
        List<String> errors = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (c == '$' && text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    errors.add("'${' is not closed by '}' (write '$${' for a literal '${')");
                    break;
                }
                String body = text.substring(i + 2, end);
                int colon = body.indexOf(":-");
                String name = colon < 0 ? body : body.substring(0, colon);
                String fallback = colon < 0 ? null : body.substring(colon + 2);
                if (!NAME.matcher(name).matches()) {
                    errors.add(credential
                            ? "a reference does not name an environment variable (not shown here: it is in a"
                                    + " credential; use letters, digits and '_', as in ${NAME})"
                            : "'${" + body + "}' does not name an environment variable"
                                    + " (use letters, digits and '_', as in ${NAME} or ${NAME:-default})");
                } else {
                    String value = env.apply(name);
                    if (fallback != null && (value == null || value.isEmpty())) {
                        out.append(fallback);
                    } else if (value == null) {
                        errors.add(credential
                                ? "environment variable " + name + " is not set (set it where the bot runs)"
                                : "environment variable " + name + " is not set and has no default"
                                        + " (set it, or write ${" + name + ":-default})");
                    } else {
                        out.append(value);
                    }
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Result(errors.isEmpty() ? out.toString() : null, List.copyOf(errors));
    }
}
