package dev.tarjim.emulators;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * An S3 server in this process: s3proxy over jclouds' filesystem blob store, so objects live on disk.
 *
 * <p>A {@link Listener} observes every object created or removed, which is how the local stack turns uploads into
 * S3 event notifications. Credentials are {@code test}/{@code test}, as LocalStack uses.
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    /** The S3 API call that created an object, named as in S3 event names ({@code ObjectCreated:Put}). */
    public enum Creation {
        PUT("Put"), COPY("Copy"), COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload");

        private final String eventSuffix;

        Creation(String eventSuffix) {
            this.eventSuffix = eventSuffix;
        }

        /** The part after {@code ObjectCreated:} in the S3 event name. */
        public String eventSuffix() {
            return eventSuffix;
        }
    }

    /** Observes object changes, after they succeeded. Called on the request thread: hand work off quickly. */
    public interface Listener {
        void created(String bucket, String key, long size, String eTag);

        /** Like {@link #created(String, String, long, String)}, also saying which API call created the object. */
        default void created(String bucket, String key, long size, String eTag, Creation how) {
            created(bucket, key, size, eTag);
        }

        void removed(String bucket, String key);
    }

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final int port;

    private S3Server(S3Proxy proxy, BlobStoreContext context, int port) {
        this.proxy = proxy;
        this.context = context;
        this.port = port;
    }

    /**
     * Starts s3proxy on 127.0.0.1:port with objects under dataDir.
     *
     * @param listener observer of object changes, or {@code null}
     */
    public static S3Server start(int port, Path dataDir, Listener listener) {
        try {
            Files.createDirectories(dataDir);
            Properties p = new Properties();
            p.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
            BlobStoreContext ctx = ContextBuilder.newBuilder("filesystem").overrides(p)
                    .build(BlobStoreContext.class);
            BlobStore store = listener == null ? ctx.getBlobStore() : new Observed(ctx.getBlobStore(), listener);
            S3Proxy proxy = S3Proxy.builder().blobStore(store)
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start on port " + port + ": " + proxy.getState());
                }
                Thread.sleep(10);
            }
            return new S3Server(proxy, ctx, port);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Creates a bucket unless it exists. */
    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping during shutdown: nothing useful to do with the failure
        }
        context.close();
    }

    /** Forwards to the real store and tells the listener what changed. */
    private static final class Observed extends ForwardingBlobStore {
        private final Listener listener;

        Observed(BlobStore delegate, Listener listener) {
            super(delegate);
            this.listener = listener;
        }

        @Override
        public String putBlob(String container, Blob blob) {
            return putBlob(container, blob, PutOptions.NONE);
        }

        @Override
        public String putBlob(String container, Blob blob, PutOptions options) {
            String eTag = super.putBlob(container, blob, options);
            created(container, blob.getMetadata().getName(), eTag, Creation.PUT);
            return eTag;
        }

        @Override
        public String copyBlob(String fromContainer, String fromName, String toContainer, String toName,
                CopyOptions options) {
            String eTag = super.copyBlob(fromContainer, fromName, toContainer, toName, options);
            created(toContainer, toName, eTag, Creation.COPY);
            return eTag;
        }

        @Override
        public String completeMultipartUpload(MultipartUpload mpu, List<MultipartPart> parts) {
            String eTag = super.completeMultipartUpload(mpu, parts);
            created(mpu.containerName(), mpu.blobName(), eTag, Creation.COMPLETE_MULTIPART_UPLOAD);
            return eTag;
        }

        @Override
        public void removeBlob(String container, String name) {
            super.removeBlob(container, name);
            listener.removed(container, name);
        }

        @Override
        public void removeBlobs(String container, Iterable<String> names) {
            super.removeBlobs(container, names);
            for (String name : names) {
                listener.removed(container, name);
            }
        }

        private void created(String container, String name, String eTag, Creation how) {
            BlobMetadata meta = delegate().blobMetadata(container, name);
            long size = meta == null || meta.getSize() == null ? 0 : meta.getSize();
            listener.created(container, name, size, eTag == null ? "" : eTag.replace("\"", ""), how);
        }
    }
}
