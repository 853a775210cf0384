package dev.tarjim.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Builds S3 event notification messages (event structure version 2.1) exactly as Amazon S3 delivers them to a
 * Lambda function, for one bucket.
 *
 * <p>As in AWS: the object key is URL-encoded the way HTML forms are (space as {@code +}, non-ASCII as
 * percent-encoded UTF-8; {@code /} stays as it is), removals carry only key and sequencer, and no
 * {@code versionId} appears because the bucket is not versioned.
 */
final class S3EventMessages {
    /** The notification configuration's id, as {@code template.yaml} would name it. */
    static final String CONFIGURATION_ID = "IngestFunctionIncomingUploads";
    static final String PRINCIPAL_ID = "AWS:AIDALOCALTARJIMUSER";
    static final String OWNER_ID = "A1LOCALTARJIMOWNER";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String region;
    private final String bucket;
    private final Sequencer sequencer;
    private final Clock clock;

    S3EventMessages(String region, String bucket, Sequencer sequencer, Clock clock) {
        this.region = region;
        this.bucket = bucket;
        this.sequencer = sequencer;
        this.clock = clock;
    }

    /** One notification: its JSON and, for logs and file names, what it says. */
    record Message(String json, String eventName, String key, String sequencer) {
    }

    /** The message for an object created by {@code eventSuffix} ({@code Put}, {@code Copy}, ...). */
    Message created(String key, String eventSuffix, long size, String eTag) {
        return message("ObjectCreated:" + eventSuffix, key, object -> object.put("size", size).put("eTag", eTag));
    }

    /** The message for an object deleted from the (unversioned) bucket: no size, no eTag. */
    Message removed(String key) {
        return message("ObjectRemoved:Delete", key, object -> { });
    }

    private Message message(String eventName, String key, Consumer<ObjectNode> objectFields) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode object = record(root, eventName, key);
        objectFields.accept(object);
        String seq = sequencer.next();
        object.put("sequencer", seq);
        return new Message(root.toString(), eventName, key, seq);
    }

    /** Fills one record and answers its {@code s3.object} node, holding the encoded key so far. */
    private ObjectNode record(ObjectNode root, String eventName, String key) {
        ObjectNode r = root.putArray("Records").addObject();
        r.put("eventVersion", "2.1");
        r.put("eventSource", "aws:s3");
        r.put("awsRegion", region);
        r.put("eventTime", EVENT_TIME.format(clock.instant()));
        r.put("eventName", eventName);
        r.putObject("userIdentity").put("principalId", PRINCIPAL_ID);
        r.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode response = r.putObject("responseElements");
        response.put("x-amz-request-id", HexFormat.of().withUpperCase().formatHex(random(8)));
        response.put("x-amz-id-2", java.util.Base64.getEncoder().encodeToString(random(48)));
        ObjectNode s3 = r.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", CONFIGURATION_ID);
        ObjectNode b = s3.putObject("bucket");
        b.put("name", bucket);
        b.putObject("ownerIdentity").put("principalId", OWNER_ID);
        b.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(key));
        return object;
    }

    /** Encodes an object key as S3 does in event notifications. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
