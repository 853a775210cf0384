package dev.tarjim.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** A test double of the ingest function: records every invocation, then does what the test says. */
final class RecordingIngest implements RequestHandler<S3Event, Void> {
    final List<S3EventNotificationRecord> records = new CopyOnWriteArrayList<>();
    final List<Context> contexts = new CopyOnWriteArrayList<>();
    volatile BiConsumer<S3EventNotificationRecord, Integer> behaviour = (record, invocation) -> { };

    @Override
    public Void handleRequest(S3Event event, Context context) {
        S3EventNotificationRecord record = event.getRecords().get(0);
        records.add(record);
        contexts.add(context);
        behaviour.accept(record, records.size());
        return null;
    }

    List<String> eventsAndKeys() {
        return records.stream().map(r -> r.getEventName() + " " + r.getS3().getObject().getUrlDecodedKey()).toList();
    }
}
