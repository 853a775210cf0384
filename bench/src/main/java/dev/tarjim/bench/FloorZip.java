package dev.tarjim.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tarjim.bench.floor.FloorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packages {@link FloorHandler} as the functions are packaged (build/lambda-zip.xml): its class at the root and its
 * one dependency, {@code aws-lambda-java-core}, in {@code lib/}.
 */
final class FloorZip {
    private FloorZip() {
    }

    static Path build(Path zip) throws IOException {
        String classFile = FloorHandler.class.getName().replace('.', '/') + ".class";
        Path core = Path.of(ColdStart.codeSource(RequestStreamHandler.class));
        Files.createDirectories(zip.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
                InputStream handler = FloorHandler.class.getClassLoader().getResourceAsStream(classFile)) {
            if (handler == null) {
                throw new IllegalStateException(classFile + " is not on the class path");
            }
            out.putNextEntry(new ZipEntry(classFile));
            handler.transferTo(out);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("lib/" + core.getFileName()));
            Files.copy(core, out);
            out.closeEntry();
        }
        return zip;
    }
}
