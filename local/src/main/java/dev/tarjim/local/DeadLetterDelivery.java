package dev.tarjim.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.UUID;

/**
 * What Lambda and SNS do with an event the ingest gave up on, locally: the on-failure destination record (its
 * {@code requestContext}, the S3 event as {@code requestPayload}, the last error as {@code responsePayload}) is
 * published to the failure topic, whose subscriber, the dead-letter function, marks the upload failed. The event
 * itself is kept in {@code <data>/dlq/} by {@link S3Notifications}, as the queue keeps it in AWS.
 */
final class DeadLetterDelivery {
    /** The dead-letter function, as {@code template.yaml} declares it. */
    static final LocalFunction FUNCTION = new LocalFunction("DeadLetterFunction", 512, java.time.Duration.ofMinutes(1));

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestHandler<SNSEvent, Void> handler;
    private final String region;
    private final PrintStream out;
    private final PojoSerializer<SNSEvent> serializer =
            LambdaEventSerializers.serializerFor(SNSEvent.class, SNSEvent.class.getClassLoader());

    DeadLetterDelivery(RequestHandler<SNSEvent, Void> handler, String region, PrintStream out) {
        this.handler = handler;
        this.region = region;
        this.out = out;
    }

    /**
     * Publishes the destination record of an S3 event tried {@code attempts} times, the last failing with
     * {@code error}. One at a time: the handler instance is invoked as Lambda invokes one, never concurrently.
     */
    synchronized void deliver(String s3EventJson, int attempts, Throwable error, String requestId) throws IOException {
        String account = "000000000000";
        ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", Instant.now().toString());
        ObjectNode context = record.putObject("requestContext");
        context.put("requestId", requestId);
        context.put("functionArn", "arn:aws:lambda:" + region + ":" + account + ":function:"
                + LocalFunction.INGEST.name() + ":live");
        context.put("condition", "RetriesExhausted");
        context.put("approximateInvokeCount", attempts);
        record.set("requestPayload", JSON.readTree(s3EventJson));
        ObjectNode responseContext = record.putObject("responseContext");
        responseContext.put("statusCode", 200);
        responseContext.put("executedVersion", "$LATEST");
        responseContext.put("functionError", "Unhandled");
        ObjectNode response = record.putObject("responsePayload");
        response.put("errorMessage", String.valueOf(error.getMessage()));
        response.put("errorType", error.getClass().getName());
        ArrayNode trace = response.putArray("stackTrace");
        for (StackTraceElement e : error.getStackTrace()) {
            trace.add(e.toString());
        }

        String topic = "arn:aws:sns:" + region + ":" + account + ":IngestFailureTopic";
        ObjectNode sns = JSON.createObjectNode();
        ObjectNode entry = sns.putArray("Records").addObject();
        entry.put("EventSource", "aws:sns");
        entry.put("EventVersion", "1.0");
        entry.put("EventSubscriptionArn", topic + ":" + UUID.randomUUID());
        ObjectNode message = entry.putObject("Sns");
        message.put("Type", "Notification");
        message.put("MessageId", UUID.randomUUID().toString());
        message.put("TopicArn", topic);
        message.put("Message", JSON.writeValueAsString(record));
        message.put("Timestamp", Instant.now().toString());
        message.put("SignatureVersion", "1");
        message.putObject("MessageAttributes");
        handler.handleRequest(serializer.fromJson(JSON.writeValueAsString(sns)),
                new LocalContext(FUNCTION, region, out));
    }
}
