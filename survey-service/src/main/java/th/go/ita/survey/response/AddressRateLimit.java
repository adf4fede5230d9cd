package th.go.ita.survey.response;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests per address in fixed windows, in memory only: addresses are never written to the
 * database or the log, and a restart forgets them. Good enough against a single abusive client;
 * a distributed attack is the gateway's job.
 */
@ApplicationScoped
public class AddressRateLimit {

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** @return false when {@code address} already used up {@code limit} in the current window of {@code kind} */
    public boolean tryAcquire(String kind, String address, int limit, Duration window) {
        long now = System.nanoTime();
        Window w = windows.compute(kind + "|" + address, (k, old) ->
                old == null || now - old.start > window.toNanos() ? new Window(now, window.toNanos()) : old);
        return w.count.incrementAndGet() <= limit;
    }

    /** @return true while {@code address} is still under {@code limit} (does not count) */
    public boolean under(String kind, String address, int limit, Duration window) {
        Window w = windows.get(kind + "|" + address);
        return w == null || System.nanoTime() - w.start > window.toNanos() || w.count.get() < limit;
    }

    @Scheduled(every = "5m", identity = "rate-limit-cleanup")
    void forgetOldWindows() {
        long now = System.nanoTime();
        windows.values().removeIf(w -> now - w.start > w.length);
    }

    private static final class Window {
        final long start;
        final long length;
        final AtomicInteger count = new AtomicInteger();

        Window(long start, long length) {
            this.start = start;
            this.length = length;
        }
    }
}
