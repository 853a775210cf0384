package dev.tarjim.ingest;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.support.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The record Lambda sends to an asynchronous invocation's on-failure destination, read for what the editor needs:
 * how many times the event was tried ({@code requestContext.approximateInvokeCount}), why the last try failed
 * ({@code responsePayload}, or the {@code condition} when there was no response, e.g. {@code EventAgeExceeded}),
 * and the S3 changes of the event itself ({@code requestPayload}).
 *
 * @param attempts  how many times Lambda invoked the function with the event
 * @param lastError the last error ({@code errorType: errorMessage}), or the condition when there is none
 * @param changes   the event's changes under {@code incoming/}
 */
record DestinationRecord(int attempts, String lastError, List<ObjectChange> changes) {

    /**
     * Reads a destination record.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    static DestinationRecord parse(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode context = root.path("requestContext");
        JsonNode records = root.path("requestPayload").path("Records");
        if (!context.isObject() || !records.isArray()) {
            throw new IllegalArgumentException("not a Lambda destination record of an S3 event");
        }
        int attempts = Math.max(1, context.path("approximateInvokeCount").asInt(1));
        JsonNode response = root.path("responsePayload");
        String message = response.path("errorMessage").asText("");
        String type = response.path("errorType").asText("");
        String lastError = !message.isEmpty() ? (type.isEmpty() ? message : type + ": " + message)
                : context.path("condition").asText(null);
        List<ObjectChange> changes = new ArrayList<>();
        for (JsonNode record : records) {
            String name = record.path("eventName").asText("");
            boolean removed = name.startsWith("ObjectRemoved");
            if (!removed && !name.startsWith("ObjectCreated")) {
                continue;
            }
            JsonNode object = record.path("s3").path("object");
            // Decoded as the runtime decodes the ingest's own event (S3 sends keys form-encoded).
            String key = new S3ObjectEntity(object.path("key").asText(), 0L, null, null, null).getUrlDecodedKey();
            if (key.startsWith(IngestHandler.PREFIX)) {
                changes.add(new ObjectChange(record.path("s3").path("bucket").path("name").asText(), key, removed,
                        object.path("sequencer").asText(), object.path("size").asLong(0)));
            }
        }
        return new DestinationRecord(attempts, lastError, List.copyOf(changes));
    }
}
