package org.beffroi.platform;

/**
 * For the unguarded paths that concurrent tests switch on as their negative control (a limit held without its
 * guard: read, then write without condition): the pause between the read and the write that lets others read the
 * same. Never on a path the application takes with its guards on.
 */
public final class NegativeControls {

    private NegativeControls() {
    }

    /** 20 ms between the read and the write. */
    public static void widenTheRace() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
