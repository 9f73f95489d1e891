package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {

    @Test
    void shouldHandOverExactlyTheSourcesBytesInOrderAcrossChunks() throws Exception {
        byte[] source = new byte[ReadAheadInputStream.CHUNK_BYTES * 5 + 12_345];
        new Random(3).nextBytes(source);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();

        try (ReadAheadInputStream in = new ReadAheadInputStream(new ByteArrayInputStream(source), "test")) {
            byte[] buffer = new byte[7_777];
            copy.write(in.read());
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                copy.write(buffer, 0, n);
            }
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.awaitPumpEnd(10_000)).isTrue();
        }
        assertThat(copy.toByteArray()).isEqualTo(source);
    }

    @Test
    void shouldThrowTheSourcesFailureAfterTheBytesBeforeIt() throws Exception {
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3}), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        });

        try (ReadAheadInputStream in = new ReadAheadInputStream(failing, "test")) {
            assertThatThrownBy(() -> {
                while (in.read() >= 0) {
                    // up to the failure
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("disk on fire");
        }
    }

    @Test
    void shouldStopThePumpAndCloseTheSourceWhenClosedUnread() throws Exception {
        CountDownLatch sourceClosed = new CountDownLatch(1);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 42;
            }

            @Override
            public void close() {
                sourceClosed.countDown();
            }
        };
        ReadAheadInputStream in = new ReadAheadInputStream(endless, "test");
        assertThat(in.read()).isEqualTo(42);

        in.close();

        assertThat(in.pumpAlive()).isFalse();
        assertThat(sourceClosed.getCount()).isZero();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
    }
}
