package dev.ballast.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static final long SEC = 1_000_000_000L;

    @Test
    void shouldRenderTheBarThePercentTheMessagesAndTheRate() {
        assertThat(ProgressBar.render(0.42, 12_345_678, 1_234_567, 10))
                .isEqualTo("[####......] 42% 12.3M msgs 1.2M msg/s");
        assertThat(ProgressBar.render(1.5, 950, Double.NaN, 4)).isEqualTo("[####] 100% 950 msgs – msg/s");
    }

    @Test
    void shouldRedrawInPlaceAtMostOncePerIntervalOfTheCallersClock() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 100, 0, SEC / 2, 10);

        assertThat(bar.update(10, 1_000_000, SEC)).isTrue();
        assertThat(bar.update(20, 1_500_000, SEC + SEC / 4)).isFalse();
        assertThat(bar.update(50, 3_000_000, 2 * SEC)).isTrue();
        bar.finish(6_000_000, 4 * SEC);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("\r[#.........] 10% 1.0M msgs 1.0M msg/s"
                + "\r[#####.....] 50% 3.0M msgs 1.5M msg/s"
                + "\r[##########] 100% 6.0M msgs 1.5M msg/s\n");
    }

    @Test
    void shouldBlankTheRestOfALongerPreviousLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10, 0, 0, 2);

        bar.update(1, 123_456_789, SEC);
        bar.update(2, 5, 100 * SEC);

        String out = bytes.toString(StandardCharsets.UTF_8);
        String second = out.substring(out.lastIndexOf('\r') + 1);
        String first = out.substring(1, out.lastIndexOf('\r'));
        assertThat(second).hasSameSizeAs(first).startsWith("[..] 20% 5 msgs 0 msg/s").endsWith(" ");
    }
}
