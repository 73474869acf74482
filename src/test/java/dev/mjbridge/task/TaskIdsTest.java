package dev.mjbridge.task;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskIdsTest {

    @Test
    void idIsEpochMillisFollowedByThreeDigits() {
        TaskIds ids = new TaskIds(() -> 1732800000000L);

        assertThat(ids.next()).isEqualTo("1732800000000000");
        assertThat(ids.next()).isEqualTo("1732800000000001");
    }

    @Test
    void inAClusterTheLastTwoDigitsAreTheInstancesSlotAndTenIdsFitAMillisecond() {
        AtomicLong clock = new AtomicLong(1732800000000L);
        TaskIds seven = new TaskIds(clock::get);
        TaskIds twelve = new TaskIds(clock::get);
        seven.useInstanceSlot(7);
        twelve.useInstanceSlot(12);

        assertThat(seven.next()).isEqualTo("1732800000000007");
        assertThat(seven.next()).isEqualTo("1732800000000107");
        assertThat(twelve.next()).isEqualTo("1732800000000012");
        for (int i = 0; i < 8; i++) {
            seven.next();
        }
        assertThat(seven.next()).as("the eleventh borrows from the next millisecond").isEqualTo("1732800000001007");
        clock.set(1732800000005L);
        assertThat(seven.next()).isEqualTo("1732800000005007");
        assertThat(seven.next()).hasSize(16);
    }

    @Test
    void idsOfTwoSlotsNeverMeetHoweverFastTheyAreTaken() {
        TaskIds first = new TaskIds();
        TaskIds second = new TaskIds();
        first.useInstanceSlot(0);
        second.useInstanceSlot(1);
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.add(first.next())).isTrue();
            assertThat(seen.add(second.next())).isTrue();
        }
    }

    @Test
    void anIdAfterTheSlotChangedIsStillGreater() {
        AtomicLong clock = new AtomicLong(1732800000000L);
        TaskIds ids = new TaskIds(clock::get);
        String single = ids.next();
        ids.useInstanceSlot(57);
        String slotted = ids.next();
        ids.useInstanceSlot(3);
        String again = ids.next();

        assertThat(Long.parseLong(slotted)).isGreaterThan(Long.parseLong(single));
        assertThat(Long.parseLong(again)).isGreaterThan(Long.parseLong(slotted));
        assertThat(again).endsWith("03");
    }

    @Test
    void idsKeepGrowingWhenTheClockStandsStillOrGoesBack() {
        AtomicLong clock = new AtomicLong(1732800000000L);
        TaskIds ids = new TaskIds(clock::get);
        String first = ids.next();
        for (int i = 0; i < 1500; i++) {
            ids.next();
        }
        clock.set(1732799999000L);

        String afterClockWentBack = ids.next();

        assertThat(Long.parseLong(afterClockWentBack)).isGreaterThan(Long.parseLong(first) + 1500);
        clock.set(1732800005000L);
        assertThat(ids.next()).isEqualTo("1732800005000000");
    }

    @Test
    void idsAreUniqueAcrossThreadsAndSortAsStrings() throws Exception {
        TaskIds ids = new TaskIds();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        int threads = 4;
        int perThread = 5000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    String previous = "";
                    for (int i = 0; i < perThread; i++) {
                        String id = ids.next();
                        assertThat(id).hasSize(16).isGreaterThan(previous);
                        seen.add(id);
                        previous = id;
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(seen).hasSize(threads * perThread);
    }
}
