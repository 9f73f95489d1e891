package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("target", "band", "maxPosition", "quoteSize", "spreadBps");

    @Test
    void shouldCountInsertionsDeletionsAndSubstitutions() {
        assertThat(Suggestions.distance("maxPositon", "maxPosition")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "band")).isEqualTo(4);
    }

    @Test
    void shouldSuggestTheNearestKeyForATypoOrADifferenceOfCase() {
        assertThat(Suggestions.closest("maxPositon", KEYS)).contains("maxPosition");
        assertThat(Suggestions.closest("spreadbps", KEYS)).contains("spreadBps");
        assertThat(Suggestions.closest("quotesize", KEYS)).contains("quoteSize");
    }

    @Test
    void shouldSuggestNothingWhenNoKeyIsNear() {
        assertThat(Suggestions.closest("colour", KEYS)).isEmpty();
        assertThat(Suggestions.closest("bond", List.of("seed"))).isEmpty();
    }
}
