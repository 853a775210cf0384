package dev.tarjim.support;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs a function's priming work right before Lambda SnapStart takes its snapshot (CRaC {@code beforeCheckpoint}),
 * so what it loads and initialises is in the snapshot instead of on the first request after a restore. On a JVM
 * without CRaC (tests, the local stack) registering does nothing.
 */
public final class SnapStartPriming implements Resource {
    /** CRaC holds resources weakly: these references keep them registered. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();
    private final Callable<?> primer;

    private SnapStartPriming(Callable<?> primer) {
        this.primer = primer;
    }

    /** Registers work to run before the snapshot; it must not touch AWS services (a snapshot holds no connections). */
    public static void register(Callable<?> primer) {
        SnapStartPriming resource = new SnapStartPriming(primer);
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        primer.call();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to reopen: SDK clients reconnect on first use
    }
}
