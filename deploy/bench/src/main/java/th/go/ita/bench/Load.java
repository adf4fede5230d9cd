package th.go.ita.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code concurrency} workers each take the next of {@code count} operations
 * as soon as their last one finished, until all are done or {@code limit} has passed (bounded in
 * count and time). Latency is measured around each operation.
 */
final class Load {

    /** One operation; returns true when it did what it should (e.g. the expected status). */
    @FunctionalInterface
    interface Op {
        boolean run(int index) throws Exception;
    }

    record Stats(int done, int failed, double seconds, double perSecond, double p50, double p95, double p99, double max) {
        static Stats of(long[] nanos, int done, int failed, double seconds) {
            long[] sorted = Arrays.copyOf(nanos, done);
            Arrays.sort(sorted);
            return new Stats(done, failed, seconds, done / seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        }

        /** Nearest-rank percentile in milliseconds. */
        static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }
    }

    private Load() {
    }

    static Stats run(int concurrency, int count, Duration limit, Op op) throws InterruptedException {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong firstError = new AtomicLong();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = op.run(i);
                    } catch (Exception e) {
                        ok = false;
                        if (firstError.compareAndSet(0, 1)) {
                            System.err.println("bench: " + e);
                        }
                    }
                    long took = System.nanoTime() - t0;
                    if (ok) {
                        nanos[done.getAndIncrement()] = took;
                    } else {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return Stats.of(nanos, done.get(), failed.get(), seconds);
    }
}
