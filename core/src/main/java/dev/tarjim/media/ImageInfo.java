package dev.tarjim.media;

/**
 * What an image's headers say: its format and its size in pixels (both at least 1).
 *
 * @param type   the format, from the magic bytes
 * @param width  width in pixels
 * @param height height in pixels
 */
public record ImageInfo(ImageType type, int width, int height) {
}
