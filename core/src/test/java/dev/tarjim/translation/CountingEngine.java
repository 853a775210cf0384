package dev.tarjim.translation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Wraps an engine and records each translate call (target and segment count), for memory tests and benchmarks. */
final class CountingEngine implements TranslationEngine {
    /** One translate call. */
    record Call(String targetLang, List<String> segments) {
    }

    private final TranslationEngine delegate;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    CountingEngine(TranslationEngine delegate) {
        this.delegate = delegate;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    int segmentsSent() {
        return calls().stream().mapToInt(c -> c.segments().size()).sum();
    }

    void reset() {
        calls.clear();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String version() {
        return delegate.version();
    }

    @Override
    public String version(String sourceLang, String targetLang) {
        return delegate.version(sourceLang, targetLang);
    }

    @Override
    public Optional<String> unsupportedReason(String sourceLang, String targetLang) {
        return delegate.unsupportedReason(sourceLang, targetLang);
    }

    @Override
    public List<TranslatedSegment> translate(String sourceLang, String targetLang, List<String> segments) {
        calls.add(new Call(targetLang, List.copyOf(segments)));
        return delegate.translate(sourceLang, targetLang, segments);
    }
}
