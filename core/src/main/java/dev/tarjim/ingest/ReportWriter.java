package dev.tarjim.ingest;

/** Publishes the editor's report of an upload. */
public interface ReportWriter {

    /** Writes (replaces) the report of one upload. */
    void write(String bucket, String uploadKey, Report report);
}
