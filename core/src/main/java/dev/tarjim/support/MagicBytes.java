package dev.tarjim.support;

/** Checks of a file's leading bytes, where formats put their signature ("magic bytes"). */
public final class MagicBytes {

    private MagicBytes() {
    }

    /** Whether {@code b} begins with these byte values (each 0–255). */
    public static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
