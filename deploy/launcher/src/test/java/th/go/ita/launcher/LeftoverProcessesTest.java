package th.go.ita.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeftoverProcessesTest {

    @TempDir
    Path data;

    @Test
    void aNewStartStopsWhatACrashedRunLeftBehindButNothingElse() throws Exception {
        // Named like one of ours (argv[0] contains "postgres"), as a crashed run's PostgreSQL would be.
        Process leftover = new ProcessBuilder("bash", "-c", "exec -a postgres-left-behind sleep 300").start();
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            LeftoverProcesses earlierRun = new LeftoverProcesses(data);
            earlierRun.record(crashedLauncher());
            earlierRun.record(leftover.toHandle());
            earlierRun.record(stranger.toHandle());
            Thread.sleep(200); // let exec rename the process

            assertEquals(1, new LeftoverProcesses(data).stopAll());
            assertTrue(leftover.waitFor(10, TimeUnit.SECONDS), "the leftover was stopped");
            assertTrue(stranger.isAlive(), "a process that is not ours is never touched");
            assertEquals(0, new LeftoverProcesses(data).stopAll(), "the record is gone once handled");
        } finally {
            leftover.destroyForcibly();
            stranger.destroyForcibly();
        }
        assertFalse(data.resolve("run/pids").toFile().exists());
    }

    @Test
    void aLauncherStillRunningFromTheSameDataFolderIsNotTreatedAsLeftover() throws Exception {
        // Stands in for a launcher that is still running (its command line names java).
        Process running = new ProcessBuilder("bash", "-c", "exec -a java-launcher sleep 300").start();
        try {
            LeftoverProcesses firstRun = new LeftoverProcesses(data);
            firstRun.record(running.toHandle());
            Thread.sleep(200);
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> new LeftoverProcesses(data).stopAll());
            assertTrue(e.getMessage().contains("already running"), e.getMessage());
            assertTrue(running.isAlive());
        } finally {
            running.destroyForcibly();
        }
    }

    /** A launcher pid that no longer runs (a JVM killed with -9). */
    private static ProcessHandle crashedLauncher() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.toHandle();
    }
}
