package dev.tarjim.article;

import static dev.tarjim.support.MagicBytes.startsWith;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Turns uploaded bytes into text, refusing what is not text: known binary formats are named, so the editor learns
 * what they uploaded by mistake ("This is a PNG image"), not just that it failed.
 */
final class UploadDecoder {

    private static final String FORMATS_HINT = "upload the article as plain text, Markdown, HTML or ninjs JSON";

    private UploadDecoder() {
    }

    static String decode(byte[] bytes) throws UnsupportedUploadException {
        if (bytes.length == 0) {
            throw new UnsupportedUploadException("The file is empty");
        }
        // UTF-16 files carry NUL bytes, so the byte-order mark must be checked before the binary sniffing.
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE.newDecoder(), "UTF-16");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE.newDecoder(), "UTF-16");
        }
        String binary = binaryKind(bytes);
        if (binary != null) {
            throw new UnsupportedUploadException("This is " + binary + ", not an article: " + FORMATS_HINT);
        }
        int offset = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        return strict(bytes, offset, StandardCharsets.UTF_8.newDecoder(), "UTF-8");
    }

    private static String binaryKind(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B') {
            return "a WebP image";
        }
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return "a ZIP archive (Word .docx and OpenDocument files are ZIP archives too)";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "a gzip-compressed file";
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old Microsoft Office document (.doc/.xls)";
        }
        if (startsWith(b, '{', '\\', 'r', 't', 'f')) {
            return "an RTF document";
        }
        int scan = Math.min(b.length, 8192);
        for (int i = 0; i < scan; i++) {
            if (b[i] == 0) {
                return "a binary file";
            }
        }
        return null;
    }

    private static String strict(byte[] bytes, int offset, CharsetDecoder decoder, String charset)
            throws UnsupportedUploadException {
        decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw new UnsupportedUploadException("The file is not valid " + charset + " text (invalid byte at offset "
                    + in.position() + "): save it as UTF-8", e);
        } catch (CharacterCodingException e) {
            throw new UnsupportedUploadException("The file is not valid " + charset + " text: save it as UTF-8", e);
        }
    }
}
