package dev.tracedesk.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class WriteQueueTest {

    @Test
    void writesRunOnOneOtherThreadInTheOrderTheyWereHandedOver() {
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (WriteQueue queue = new WriteQueue()) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                queue.submit(() -> {
                    order.add(n);
                    threads.add(Thread.currentThread().getName());
                });
            }
            int seen = queue.call(order::size);
            assertThat(seen).as("a call runs after everything handed over before it").isEqualTo(20);
        }
        assertThat(order).isSorted().hasSize(20);
        assertThat(threads).containsOnly("tracedesk-import-writer");
    }

    @Test
    void aFailedWriteStopsTheQueueAndIsThrownAtTheNextHandOver() {
        AtomicBoolean ranAfterFailure = new AtomicBoolean();
        CountDownLatch secondHandedOver = new CountDownLatch(1);
        try (WriteQueue queue = new WriteQueue()) {
            queue.submit(() -> {
                // fail only once the next write is queued behind this one
                await(secondHandedOver);
                throw new IllegalStateException("disk full");
            });
            queue.submit(() -> ranAfterFailure.set(true));
            secondHandedOver.countDown();

            assertThatThrownBy(queue::drain).hasMessage("disk full");
            assertThatThrownBy(() -> queue.submit(() -> { })).hasMessage("disk full");
        }
        assertThat(ranAfterFailure).as("nothing is written after a failure").isFalse();
    }

    @Test
    void aFastReaderWaitsWhileTwoBatchesAreInFlight() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch thirdHandedOver = new CountDownLatch(1);
        try (WriteQueue queue = new WriteQueue()) {
            queue.submit(() -> await(release));
            queue.submit(() -> { });
            Thread reader = new Thread(() -> {
                queue.submit(() -> { });
                thirdHandedOver.countDown();
            });
            reader.start();

            assertThat(thirdHandedOver.await(300, TimeUnit.MILLISECONDS)).as("blocked while two are in flight").isFalse();
            release.countDown();
            assertThat(thirdHandedOver.await(10, TimeUnit.SECONDS)).isTrue();
            queue.drain();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
