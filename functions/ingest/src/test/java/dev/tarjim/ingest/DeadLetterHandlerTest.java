package dev.tarjim.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.emulators.TestContext;
import dev.tarjim.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter function with the real shapes: an SNS event (as the topic that is the ingest's on-failure
 * destination delivers it) whose message is Lambda's destination record of a failed S3 event, read by the Lambda
 * runtime's own serializer. The report says {@code failed} with the tries and the last error; the event redriven to
 * the ingest (what {@code scripts/redrive-dlq} does with the queue's copy) settles it.
 */
class DeadLetterHandlerTest {
    private static final String DESTINATION_RECORD = "lambda-destination-on-failure.json";
    private static final String SNS_EVENT = "sns-ingest-dead-letter.json";
    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = new Stack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String event(String name) throws Exception {
        return Files.readString(ProjectPaths.root().resolve("events").resolve(name));
    }

    private static SNSEvent sns(String message) throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(event(SNS_EVENT));
        ((ObjectNode) root.get("Records").get(0).get("Sns")).put("Message", message);
        return LambdaEventSerializers.serializerFor(SNSEvent.class, SNSEvent.class.getClassLoader())
                .fromJson(Json.mapper().writeValueAsString(root));
    }

    private DeadLetterHandler handler() {
        return new DeadLetterHandler(Map.of("AWS_REGION", "us-east-1", "TABLE_NAME", Stack.TABLE,
                "AWS_ENDPOINT_URL_S3", stack.s3Server.endpoint().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", stack.dynalite.endpoint().toString(), "LEASE_WAIT_SECONDS", "1"));
    }

    @Test
    void snsEventOfTheRealFile_carriesTheRealDestinationRecord() throws Exception {
        SNSEvent event = LambdaEventSerializers.serializerFor(SNSEvent.class, SNSEvent.class.getClassLoader())
                .fromJson(event(SNS_EVENT));

        assertThat(Json.mapper().readTree(event.getRecords().get(0).getSNS().getMessage()))
                .isEqualTo(Json.mapper().readTree(event(DESTINATION_RECORD)));
    }

    @Test
    void destinationRecord_givesTheTries_theLastError_andTheDecodedChanges() throws Exception {
        ObjectNode record = (ObjectNode) Json.mapper().readTree(event(DESTINATION_RECORD));
        ((ObjectNode) record.at("/requestPayload/Records/0/s3/object")).put("key", "incoming/caf%C3%A9+news.md");

        DestinationRecord r = DestinationRecord.parse(Json.mapper().writeValueAsString(record));

        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.lastError()).isEqualTo("dev.tarjim.translation.TranslationUnavailableException: Amazon "
                + "Translate did not answer after 3 attempts: Rate exceeded");
        assertThat(r.changes()).containsExactly(new ObjectChange("tarjim-articles", "incoming/café news.md", false,
                "0055AED6DCD90281E5", 4542));
    }

    @Test
    void timedOutEvent_withoutAResponse_givesTheCondition() throws Exception {
        ObjectNode record = (ObjectNode) Json.mapper().readTree(event(DESTINATION_RECORD));
        record.remove("responsePayload");
        ((ObjectNode) record.get("requestContext")).put("condition", "EventAgeExceeded");

        assertThat(DestinationRecord.parse(Json.mapper().writeValueAsString(record)).lastError())
                .isEqualTo("EventAgeExceeded");
    }

    @Test
    void deadLetter_reportsFailedWithTriesAndLastError_thenTheRedrivenEventSettlesIt() throws Exception {
        JsonNode record = Json.mapper().readTree(event(DESTINATION_RECORD));
        String key = record.at("/requestPayload/Records/0/s3/object/key").asText();
        stack.upload(key, ("Trade talks resume\n\nThe two delegations met in Beijing on Tuesday to discuss trade and"
                + " the new tariffs.\n").getBytes(StandardCharsets.UTF_8));

        handler().handleRequest(sns(event(DESTINATION_RECORD)), new TestContext());

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(Json.mapper().convertValue(report.get("errors"), List.class)).containsExactly(
                "gave up after 3 tries, held in the dead-letter queue",
                "last error: dev.tarjim.translation.TranslationUnavailableException: Amazon Translate did not answer"
                        + " after 3 attempts: Rate exceeded");
        assertThat(stack.store.state(IngestService.articleId(key))).get()
                .satisfies(s -> assertThat(s.errors()).hasSize(2));

        // What scripts/redrive-dlq does with the queue's copy: the request payload, invoked again.
        S3Event redriven = LambdaEventSerializers.serializerFor(S3Event.class, S3Event.class.getClassLoader())
                .fromJson(Json.mapper().writeValueAsString(record.get("requestPayload")));
        stack.handler(Map.of()).handleRequest(redriven, new TestContext());

        report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void aMessageThatIsNoDestinationRecord_isDropped() throws Exception {
        handler().handleRequest(sns("{\"hello\":\"world\"}"), new TestContext());
        handler().handleRequest(sns("not json"), new TestContext());
    }
}
