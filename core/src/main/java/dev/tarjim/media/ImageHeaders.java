package dev.tarjim.media;

import static dev.tarjim.support.MagicBytes.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises images by their magic bytes and reads their size from their headers alone: PNG's IHDR, GIF's logical
 * screen, JPEG's SOFn marker, WebP's VP8/VP8L/VP8X chunk.
 *
 * <p>No image is decoded: a decoder in the function would cost memory and time for every upload and is where image
 * exploits live (decompression bombs, codec bugs). What is served is the editor's bytes, as uploaded.
 */
public final class ImageHeaders {
    private static final int MAX_DIMENSION = 65_535;
    private static final Pattern SVG = Pattern.compile(
            "\\A\\s*(<\\?xml[^>]*>\\s*)?((<!--.*?-->|<!doctype[^>]*>)\\s*)*<svg[\\s>/:]", Pattern.DOTALL);
    private static final Pattern IMAGE_NAME =
            Pattern.compile("(?i).*\\.(jpe?g|png|gif|webp|svgz?|avif|heic|bmp|tiff?)");

    private ImageHeaders() {
    }

    /**
     * The image these bytes are, or empty when they are not one of the stored image formats (an article, say).
     *
     * @throws InvalidImageException when they are SVG, or an image whose headers are truncated or corrupt
     */
    public static Optional<ImageInfo> probe(byte[] b) throws InvalidImageException {
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(png(b));
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(jpeg(b));
        }
        if (startsWith(b, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(gif(b));
        }
        if (startsWith(b, 'R', 'I', 'F', 'F') && b.length >= 12 && ascii(b, 8, 4).equals("WEBP")) {
            return Optional.of(webp(b));
        }
        if (svg(b)) {
            throw new InvalidImageException("This is an SVG image: SVG can carry script, so it is not accepted; "
                    + "upload the picture as PNG, JPEG, WebP or GIF");
        }
        return Optional.empty();
    }

    /** Whether the file name says "image" (so content that is not one is a mistake worth refusing). */
    public static boolean namedAsImage(String key) {
        return IMAGE_NAME.matcher(key).matches();
    }

    private static ImageInfo png(byte[] b) throws InvalidImageException {
        // Signature (8), then the first chunk must be IHDR: length 13, type, width, height (big-endian).
        need(b, 24, "PNG");
        if (u32(b, 8) != 13 || !ascii(b, 12, 4).equals("IHDR")) {
            throw corrupt("PNG", "its first chunk is not the IHDR header");
        }
        need(b, 33, "PNG");
        return sized(ImageType.PNG, u32(b, 16), u32(b, 20));
    }

    private static ImageInfo gif(byte[] b) throws InvalidImageException {
        // Header (6), then the logical screen descriptor: width, height (little-endian).
        need(b, 13, "GIF");
        return sized(ImageType.GIF, u16le(b, 6), u16le(b, 8));
    }

    private static ImageInfo jpeg(byte[] b) throws InvalidImageException {
        int p = 2;
        while (true) {
            need(b, p + 2, "JPEG");
            if ((b[p] & 0xFF) != 0xFF) {
                throw corrupt("JPEG", "a marker was expected at byte " + p);
            }
            int marker = b[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                p += 2; // markers without a length
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                throw corrupt("JPEG", "no frame header (SOF) before the image data");
            }
            need(b, p + 4, "JPEG");
            int length = u16be(b, p + 2);
            if (length < 2) {
                throw corrupt("JPEG", "a segment at byte " + p + " has an invalid length");
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                // SOFn: length, precision (1), height (2), width (2), all big-endian.
                need(b, p + 9, "JPEG");
                if (length < 8) {
                    throw corrupt("JPEG", "its frame header is too short");
                }
                return sized(ImageType.JPEG, u16be(b, p + 7), u16be(b, p + 5));
            }
            p += 2 + length;
        }
    }

    private static ImageInfo webp(byte[] b) throws InvalidImageException {
        need(b, 20, "WebP");
        String chunk = ascii(b, 12, 4);
        switch (chunk) {
            case "VP8X":
                // Flags (1), reserved (3), canvas width - 1 and height - 1 (24 bits little-endian each).
                need(b, 30, "WebP");
                return sized(ImageType.WEBP, u24le(b, 24) + 1, u24le(b, 27) + 1);
            case "VP8L":
                // Signature 0x2f, then 14 bits width - 1 and 14 bits height - 1, little-endian.
                need(b, 25, "WebP");
                if ((b[20] & 0xFF) != 0x2F) {
                    throw corrupt("WebP", "its lossless header has no signature");
                }
                long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
                return sized(ImageType.WEBP, (int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
            case "VP8 ":
                // Frame tag (3), start code 9d 01 2a, then 14 bits width and height, little-endian.
                need(b, 30, "WebP");
                if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
                    throw corrupt("WebP", "its key frame has no start code");
                }
                return sized(ImageType.WEBP, u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF);
            default:
                throw corrupt("WebP", "its first chunk is neither VP8, VP8L nor VP8X");
        }
    }

    private static boolean svg(byte[] b) {
        int offset = startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String head = new String(b, offset, Math.min(b.length - offset, 4096), StandardCharsets.ISO_8859_1);
        return SVG.matcher(head.toLowerCase(Locale.ROOT)).find();
    }

    private static ImageInfo sized(ImageType type, long width, long height) throws InvalidImageException {
        if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw corrupt(type == ImageType.JPEG ? "JPEG" : type == ImageType.WEBP ? "WebP" : type.name(),
                    "its header gives an impossible size, " + width + " × " + height + " pixels");
        }
        return new ImageInfo(type, (int) width, (int) height);
    }

    private static void need(byte[] b, int length, String format) throws InvalidImageException {
        if (b.length < length) {
            throw new InvalidImageException("This " + format + " image is truncated or corrupt: its header ends "
                    + "after " + b.length + " bytes; export it again and upload the whole file");
        }
    }

    private static InvalidImageException corrupt(String format, String why) {
        return new InvalidImageException("This " + format + " image is corrupt (" + why + "); export it again");
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xFFL) << 24 | (b[i + 1] & 0xFFL) << 16 | (b[i + 2] & 0xFFL) << 8 | (b[i + 3] & 0xFFL);
    }

    private static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int u24le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }

    private static String ascii(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }
}
