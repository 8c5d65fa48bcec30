package org.keizu.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void resultsComeInTheItemsOrderWhateverEachCosts() {
        List<Integer> items = IntStream.range(0, 10_000).boxed().toList();

        List<String> results =
                Parallel.map(
                        items,
                        i -> {
                            // Uneven work: every hundredth item costs far more than the others.
                            long sum = 0;
                            for (int k = 0; k < (i % 100 == 0 ? 200_000 : 100); k++) {
                                sum += k ^ i;
                            }
                            return i + ":" + (sum & 1);
                        });

        assertEquals(items.size(), results.size());
        for (int i = 0; i < items.size(); i++) {
            assertTrue(results.get(i).startsWith(i + ":"), results.get(i));
        }
    }

    @Test
    void eachItemIsWorkedOnceAndTheListsAreAsLong() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals(List.of(), Parallel.map(List.<Integer>of(), i -> calls.incrementAndGet()));
        assertEquals(List.of(8), Parallel.map(List.of(4), i -> i * 2));
        List<Integer> many = IntStream.range(0, 1_001).boxed().toList();
        Parallel.map(many, i -> calls.incrementAndGet());
        assertEquals(1_001, calls.get());
    }

    @Test
    void everyCoreTakesPart() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: nothing to share");
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        Parallel.map(
                IntStream.range(0, 200).boxed().toList(),
                i -> {
                    threads.add(Thread.currentThread());
                    try {
                        Thread.sleep(2); // long enough for the pool's thread to start and take some
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return i;
                });

        assertTrue(threads.size() > 1, threads.toString());
        assertTrue(threads.contains(Thread.currentThread()), "the calling thread works too");
    }

    @Test
    void aFailureIsThrownAsItWasThrown() {
        IllegalStateException failure = new IllegalStateException("record 7 is broken");
        IllegalStateException thrown =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                Parallel.map(
                                        IntStream.range(0, 1_000).boxed().toList(),
                                        i -> {
                                            if (i == 7) {
                                                throw failure;
                                            }
                                            return i;
                                        }));
        assertSame(failure, thrown);

        StackOverflowError error = new StackOverflowError("too deep");
        assertSame(
                error,
                assertThrows(
                        StackOverflowError.class,
                        () ->
                                Parallel.map(
                                        List.of(1, 2, 3),
                                        i -> {
                                            throw error;
                                        })));
    }
}
