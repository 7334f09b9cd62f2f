package dev.cameljira.routes.engine;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per linked pair (striped), so a webhook and a poll about the same ticket never work on it at the same time
 * in one JVM, while different tickets go in parallel. A caller holds one stripe at a time: no deadlock.
 */
final class KeyedLocks {
    private final ReentrantLock[] stripes = new ReentrantLock[256];

    KeyedLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    void run(String key, Runnable work) {
        ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), stripes.length)];
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }
}
