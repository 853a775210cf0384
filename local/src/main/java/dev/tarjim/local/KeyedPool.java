package dev.tarjim.local;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of threads that runs tasks of different keys at once and the tasks of one key one after the other,
 * in the order they were given: the local stand-in for a function's concurrency limit, keeping each S3 object's
 * events in sequencer order.
 *
 * <p>A key waiting for its earlier task holds no thread, so one busy key never keeps the others waiting; among keys,
 * tasks start in the order they were given.
 */
final class KeyedPool {
    private final ThreadPoolExecutor threads;
    /** The tasks waiting behind the running one, per key; a key is present exactly while one of its tasks runs. */
    private final Map<String, ArrayDeque<Runnable>> lanes = new HashMap<>();
    private boolean closed;

    /**
     * @param size how many tasks may run at once
     * @param name the threads' name prefix
     */
    KeyedPool(int size, String name) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one thread: " + size);
        }
        AtomicInteger count = new AtomicInteger();
        // After close() the pool takes no new thread work: what was accepted earlier runs on the thread that
        // finished the task before it (tasks are expected to end quickly once their owner closes).
        this.threads = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (task, pool) -> task.run());
    }

    /**
     * Runs the task once every task given earlier for the same key has finished, and a thread is free.
     *
     * @throws RejectedExecutionException after {@link #close()}
     */
    void execute(String key, Runnable task) {
        synchronized (lanes) {
            if (closed) {
                throw new RejectedExecutionException("the pool is closed");
            }
            ArrayDeque<Runnable> waiting = lanes.get(key);
            if (waiting != null) {
                waiting.add(task);
                return;
            }
            lanes.put(key, new ArrayDeque<>());
        }
        dispatch(key, task);
    }

    private void dispatch(String key, Runnable task) {
        threads.execute(() -> {
            try {
                task.run();
            } finally {
                next(key);
            }
        });
    }

    private void next(String key) {
        Runnable following;
        synchronized (lanes) {
            following = lanes.get(key).poll();
            if (following == null) {
                lanes.remove(key);
                return;
            }
        }
        // To the back of the pool's queue, so that a key with many events takes turns with the others.
        dispatch(key, following);
    }

    /**
     * Takes no more tasks; those already given still run. Waits up to the timeout for them to finish.
     *
     * @return whether every task finished in time
     */
    boolean close(long timeout, TimeUnit unit) throws InterruptedException {
        synchronized (lanes) {
            closed = true;
        }
        threads.shutdown();
        return threads.awaitTermination(timeout, unit);
    }

    /** Interrupts the tasks still running. */
    void closeNow() {
        synchronized (lanes) {
            closed = true;
        }
        threads.shutdownNow();
    }
}
