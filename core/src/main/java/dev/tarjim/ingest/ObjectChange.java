package dev.tarjim.ingest;

/**
 * One S3 notification about an upload, decoded: the domain's view of an S3 event record.
 *
 * @param bucket    the bucket
 * @param key       the object key, URL-decoded
 * @param removed   true for ObjectRemoved, false for ObjectCreated
 * @param sequencer the event's sequencer (orders events of one key)
 * @param size      the object's size as the event states it (0 for removals)
 */
public record ObjectChange(String bucket, String key, boolean removed, String sequencer, long size) {
}
