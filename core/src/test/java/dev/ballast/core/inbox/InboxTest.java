package dev.ballast.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InboxTest {
    @Test
    void shouldHandElementsToTheConsumerInOrder() {
        Inbox<Integer> inbox = new Inbox<>(8);
        for (int i = 0; i < 5; i++) {
            assertThat(inbox.offer(i)).isTrue();
        }
        List<Integer> out = new ArrayList<>();

        assertThat(inbox.drain(out::add, 100)).isEqualTo(5);
        assertThat(out).containsExactly(0, 1, 2, 3, 4);
        assertThat(inbox.poll()).isNull();
    }

    @Test
    void shouldRefuseAndCountOffersWhenFull() {
        Inbox<Integer> inbox = new Inbox<>(4);
        for (int i = 0; i < 4; i++) {
            inbox.offer(i);
        }

        assertThat(inbox.offer(99)).isFalse();
        assertThat(inbox.rejectedCount()).isEqualTo(1);
        assertThat(inbox.poll()).isEqualTo(0);
        assertThat(inbox.offer(4)).isTrue();
    }

    @Test
    void shouldDrainNoMoreThanTheLimit() {
        Inbox<Integer> inbox = new Inbox<>(16);
        for (int i = 0; i < 10; i++) {
            inbox.offer(i);
        }
        List<Integer> out = new ArrayList<>();

        assertThat(inbox.drain(out::add, 3)).isEqualTo(3);
        assertThat(inbox.size()).isEqualTo(7);
    }

    @Test
    void shouldLoseNothingAndKeepEachProducersOrderUnderConcurrentProducers() throws Exception {
        int producers = 4;
        int perProducer = 50_000;
        Inbox<long[]> inbox = new Inbox<>(1024);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            final int id = p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    long[] e = {id, i};
                    while (!inbox.offer(e)) {
                        Thread.onSpinWait();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        long[] next = new long[producers];
        long received = 0;
        start.countDown();
        while (received < (long) producers * perProducer) {
            long[] e = inbox.poll();
            if (e == null) {
                Thread.onSpinWait();
                continue;
            }
            assertThat(e[1]).isEqualTo(next[(int) e[0]]);
            next[(int) e[0]]++;
            received++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(next).containsOnly(perProducer);
        assertThat(inbox.isEmpty()).isTrue();
    }
}
