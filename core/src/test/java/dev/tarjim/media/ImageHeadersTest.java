package dev.tarjim.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Image headers read by hand, checked against real images that ImageIO writes (WebP: bytes per its spec). */
class ImageHeadersTest {

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(width / 2, height / 2, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).as(format + " writer").isTrue();
        return out.toByteArray();
    }

    @Test
    void probe_png_readsIhdr() throws Exception {
        assertThat(ImageHeaders.probe(image("png", 640, 427))).contains(new ImageInfo(ImageType.PNG, 640, 427));
    }

    @Test
    void probe_jpeg_readsTheFrameHeaderAfterOtherSegments() throws Exception {
        // ImageIO writes JFIF (APP0) and quantisation tables (DQT) before SOF0: the walk must skip them.
        assertThat(ImageHeaders.probe(image("jpg", 300, 201))).contains(new ImageInfo(ImageType.JPEG, 300, 201));
    }

    @Test
    void probe_gif_readsTheLogicalScreen() throws Exception {
        assertThat(ImageHeaders.probe(image("gif", 33, 17))).contains(new ImageInfo(ImageType.GIF, 33, 17));
    }

    @Test
    void probe_webpLossy_readsTheKeyFrame() throws Exception {
        byte[] b = riff("VP8 ", 0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, 0x80, 0x02, 0xE0, 0x01);

        assertThat(ImageHeaders.probe(b)).contains(new ImageInfo(ImageType.WEBP, 640, 480));
    }

    @Test
    void probe_webpLossless_readsFourteenBitSizes() throws Exception {
        // width - 1 = 399 and height - 1 = 299 packed little-endian in 14 + 14 bits after the 0x2f signature.
        long bits = 399 | (299L << 14);
        byte[] b = riff("VP8L", 0x2F, (int) (bits & 0xFF), (int) (bits >> 8 & 0xFF), (int) (bits >> 16 & 0xFF),
                (int) (bits >> 24 & 0xFF));

        assertThat(ImageHeaders.probe(b)).contains(new ImageInfo(ImageType.WEBP, 400, 300));
    }

    @Test
    void probe_webpExtended_readsTheCanvas() throws Exception {
        // Flags, 3 reserved bytes, then canvas width - 1 = 1919 and height - 1 = 1079 on 24 bits each.
        byte[] b = riff("VP8X", 0x10, 0, 0, 0, 0x7F, 0x07, 0x00, 0x37, 0x04, 0x00);

        assertThat(ImageHeaders.probe(b)).contains(new ImageInfo(ImageType.WEBP, 1920, 1080));
    }

    @Test
    void probe_text_isNotAnImage() throws Exception {
        assertThat(ImageHeaders.probe("# Title\n\nA paragraph.".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageHeaders.probe("<!doctype html><html><body><svg></svg></body></html>"
                .getBytes(StandardCharsets.UTF_8))).as("HTML with inline SVG is an article").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
        "<?xml version=\"1.0\"?>\n<!-- drawn -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<SVG>",
        "\uFEFF  <svg/>"
    })
    void probe_svg_isRefusedWithTheReason(String svg) {
        assertThatThrownBy(() -> ImageHeaders.probe(svg.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("SVG can carry script");
    }

    @Test
    void probe_truncatedPng_isRefused() throws Exception {
        byte[] png = image("png", 64, 64);

        assertThatThrownBy(() -> ImageHeaders.probe(Arrays.copyOf(png, 20)))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("PNG image is truncated");
    }

    @Test
    void probe_pngWithoutIhdr_isRefusedAsCorrupt() throws Exception {
        byte[] png = image("png", 64, 64);
        png[12] = 'X';

        assertThatThrownBy(() -> ImageHeaders.probe(png))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("PNG image is corrupt");
    }

    @Test
    void probe_jpegCutBeforeItsFrameHeader_isRefused() throws Exception {
        byte[] jpeg = image("jpg", 64, 64);

        assertThatThrownBy(() -> ImageHeaders.probe(Arrays.copyOf(jpeg, 30)))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("JPEG image is truncated");
    }

    @Test
    void probe_jpegWithImageDataBeforeAFrame_isRefused() {
        byte[] b = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 8, 1, 2, 3, 4, 5, 6};

        assertThatThrownBy(() -> ImageHeaders.probe(b))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("no frame header");
    }

    @Test
    void probe_zeroSizedGif_isRefused() {
        byte[] b = {'G', 'I', 'F', '8', '9', 'a', 0, 0, 10, 0, 0, 0, 0};

        assertThatThrownBy(() -> ImageHeaders.probe(b))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("impossible size");
    }

    @Test
    void probe_truncatedWebp_isRefused() {
        byte[] b = Arrays.copyOf(riff("VP8X", 0x10, 0, 0, 0, 0x7F, 0x07, 0x00, 0x37, 0x04, 0x00), 26);

        assertThatThrownBy(() -> ImageHeaders.probe(b))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("WebP image is truncated");
    }

    @Test
    void namedAsImage_readsTheExtensionOnly() {
        assertThat(ImageHeaders.namedAsImage("incoming/photo.JPG")).isTrue();
        assertThat(ImageHeaders.namedAsImage("incoming/logo.svg")).isTrue();
        assertThat(ImageHeaders.namedAsImage("incoming/jpg-notes.md")).isFalse();
    }

    /** A RIFF/WEBP file whose first chunk has this FourCC and payload (size fields as the container says). */
    private static byte[] riff(String fourCc, int... payload) {
        byte[] b = new byte[20 + payload.length];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        int riffSize = b.length - 8;
        b[4] = (byte) riffSize;
        b[5] = (byte) (riffSize >> 8);
        System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 4);
        System.arraycopy(fourCc.getBytes(StandardCharsets.US_ASCII), 0, b, 12, 4);
        b[16] = (byte) payload.length;
        for (int i = 0; i < payload.length; i++) {
            b[20 + i] = (byte) payload[i];
        }
        return b;
    }
}
