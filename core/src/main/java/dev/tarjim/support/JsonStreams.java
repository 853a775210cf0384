package dev.tarjim.support;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * Jackson's streaming parser and generator without the object mapper: for the small, fixed JSON a request reads and
 * writes (the proxy event, the response, log lines). Building {@link Json#mapper()} costs ~0.2 s of a cold start; a
 * {@link JsonFactory} almost nothing.
 */
public final class JsonStreams {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonStreams() {
    }

    public static JsonFactory factory() {
        return FACTORY;
    }
}
