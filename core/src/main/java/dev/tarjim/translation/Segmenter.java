package dev.tarjim.translation;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits paragraphs into pieces of at most N UTF-8 bytes for engines with a request size limit, and packs pieces
 * into calls, so that the translated pieces rejoin into exactly as many paragraphs as went in.
 *
 * <p>A paragraph is split at its line breaks, then (only where a line is too long) at sentence ends
 * ({@code . ! ? ؟ ، ؛} before a space, {@code 。！？} anywhere), then at whitespace, and only a single unbreakable
 * run longer than the limit is cut, at a grapheme boundary; whitespace inside a tag of an HTML segment
 * ({@code <a id="l1">}) is no place to cut. The whitespace at each cut is kept as the piece's
 * {@linkplain Piece#joiner() joiner}, so rejoining untranslated pieces gives back the paragraph unchanged.
 */
public final class Segmenter {
    /** Amazon Translate's TranslateText limit: 10,000 UTF-8 bytes of text per call. */
    public static final int AMAZON_TRANSLATE_MAX_BYTES = 10_000;

    /** Pieces of one call are joined by a line break: engines keep it, and no piece contains one. */
    public static final String BATCH_SEPARATOR = "\n";

    private static final String CLOSERS = "[\"'»”’)\\]」』]*";
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?:[.!?؟،؛]+" + CLOSERS + "(?=\\s|$)|[。！？]+" + CLOSERS + ")(?<ws>\\s*)");
    /** Whitespace outside tags: segments are HTML fragments whose text has no raw {@code >} (it is escaped). */
    private static final Pattern WHITESPACE = Pattern.compile("(?<ws>\\s+)(?![^<]*>)");
    private static final Pattern LINE_BREAK = Pattern.compile("\n");

    private final int maxBytes;

    /** @param maxBytes the most UTF-8 bytes one piece, and one call, may hold */
    public Segmenter(int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("maxBytes must hold at least one code point: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * A piece of one paragraph, small enough for one call.
     *
     * @param paragraph the index of the paragraph it belongs to
     * @param text      the text to translate; never contains a line break
     * @param joiner    the whitespace that followed it in the source (empty after the paragraph's last piece)
     */
    public record Piece(int paragraph, String text, String joiner) {
        public Piece {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(joiner, "joiner");
        }
    }

    /** Splits each paragraph into pieces of at most {@code maxBytes}; every paragraph yields at least one piece. */
    public List<Piece> split(List<String> paragraphs) {
        List<Piece> pieces = new ArrayList<>();
        for (int p = 0; p < paragraphs.size(); p++) {
            String[] lines = LINE_BREAK.split(paragraphs.get(p), -1);
            for (int l = 0; l < lines.length; l++) {
                List<Piece> linePieces = new ArrayList<>();
                packSentences(p, lines[l], linePieces);
                if (l < lines.length - 1) {
                    Piece last = linePieces.remove(linePieces.size() - 1);
                    linePieces.add(new Piece(p, last.text(), last.joiner() + "\n"));
                }
                pieces.addAll(linePieces);
            }
        }
        return pieces;
    }

    /**
     * Packs the pieces worth sending (not blank) into calls: each call is the pieces' texts joined by
     * {@link #BATCH_SEPARATOR}, at most {@code maxBytes} long.
     *
     * @return for each call, the indexes (into {@code pieces}) of the pieces it carries, in order
     */
    public List<List<Integer>> batches(List<Piece> pieces) {
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int currentBytes = 0;
        for (int i = 0; i < pieces.size(); i++) {
            String text = pieces.get(i).text();
            if (text.isBlank()) {
                continue;
            }
            int bytes = utf8Length(text);
            int needed = current.isEmpty() ? bytes : currentBytes + BATCH_SEPARATOR.length() + bytes;
            if (!current.isEmpty() && needed > maxBytes) {
                batches.add(current);
                current = new ArrayList<>();
                needed = bytes;
            }
            current.add(i);
            currentBytes = needed;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** The text of one call: its pieces joined by {@link #BATCH_SEPARATOR}. */
    public static String batchText(List<Piece> pieces, List<Integer> batch) {
        StringBuilder text = new StringBuilder();
        for (int i : batch) {
            if (text.length() > 0) {
                text.append(BATCH_SEPARATOR);
            }
            text.append(pieces.get(i).text());
        }
        return text.toString();
    }

    /**
     * Rejoins translated pieces into paragraphs, each piece followed by its source joiner.
     *
     * @param paragraphCount how many paragraphs were split
     * @param pieces         the pieces {@link #split} returned
     * @param translated     one translation per piece, same order
     */
    public static List<String> rejoin(int paragraphCount, List<Piece> pieces, List<String> translated) {
        if (pieces.size() != translated.size()) {
            throw new IllegalArgumentException(pieces.size() + " pieces but " + translated.size() + " translations");
        }
        StringBuilder[] paragraphs = new StringBuilder[paragraphCount];
        for (int p = 0; p < paragraphCount; p++) {
            paragraphs[p] = new StringBuilder();
        }
        for (int i = 0; i < pieces.size(); i++) {
            paragraphs[pieces.get(i).paragraph()].append(translated.get(i)).append(pieces.get(i).joiner());
        }
        List<String> result = new ArrayList<>(paragraphCount);
        for (StringBuilder paragraph : paragraphs) {
            result.add(paragraph.toString());
        }
        return result;
    }

    /** The length of the text in UTF-8 bytes, without encoding it. */
    public static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private void packSentences(int paragraph, String line, List<Piece> out) {
        pack(paragraph, units(line, SENTENCE_END), out, this::packWords);
    }

    private void packWords(int paragraph, String sentence, List<Piece> out) {
        pack(paragraph, units(sentence, WHITESPACE), out, this::cutGraphemes);
    }

    /** The last resort for one run with no whitespace (a URL, a long CJK sentence without punctuation). */
    private void cutGraphemes(int paragraph, String run, List<Piece> out) {
        BreakIterator graphemes = BreakIterator.getCharacterInstance();
        graphemes.setText(run);
        int start = 0;
        int bytes = 0;
        int previous = 0;
        for (int end = graphemes.next(); end != BreakIterator.DONE; previous = end, end = graphemes.next()) {
            int graphemeBytes = utf8Length(run.subSequence(previous, end));
            if (graphemeBytes > maxBytes) {
                throw new IllegalArgumentException("one grapheme is longer than " + maxBytes + " bytes");
            }
            if (bytes + graphemeBytes > maxBytes) {
                out.add(new Piece(paragraph, run.substring(start, previous), ""));
                start = previous;
                bytes = 0;
            }
            bytes += graphemeBytes;
        }
        out.add(new Piece(paragraph, run.substring(start), ""));
    }

    private record Unit(String content, String whitespace) {
    }

    /** Cuts text at each match of the boundary (never empty), whose group {@code ws} is the whitespace to keep. */
    private static List<Unit> units(String text, Pattern boundary) {
        List<Unit> units = new ArrayList<>();
        Matcher m = boundary.matcher(text);
        int start = 0;
        while (m.find()) {
            units.add(new Unit(text.substring(start, m.start("ws")), m.group("ws")));
            start = m.end();
        }
        if (start < text.length() || units.isEmpty()) {
            units.add(new Unit(text.substring(start), ""));
        }
        return units;
    }

    private interface Splitter {
        void split(int paragraph, String text, List<Piece> out);
    }

    /** Greedily joins units into pieces of at most maxBytes; a unit too long alone goes to the finer splitter. */
    private void pack(int paragraph, List<Unit> units, List<Piece> out, Splitter finer) {
        StringBuilder current = new StringBuilder();
        int currentBytes = 0;
        String pendingWhitespace = null;
        for (Unit unit : units) {
            int unitBytes = utf8Length(unit.content());
            if (unitBytes > maxBytes) {
                if (pendingWhitespace != null) {
                    out.add(new Piece(paragraph, current.toString(), pendingWhitespace));
                    current.setLength(0);
                    pendingWhitespace = null;
                }
                finer.split(paragraph, unit.content(), out);
                Piece last = out.remove(out.size() - 1);
                out.add(new Piece(paragraph, last.text(), last.joiner() + unit.whitespace()));
                continue;
            }
            if (pendingWhitespace != null
                    && currentBytes + utf8Length(pendingWhitespace) + unitBytes <= maxBytes) {
                current.append(pendingWhitespace).append(unit.content());
                currentBytes += utf8Length(pendingWhitespace) + unitBytes;
            } else {
                if (pendingWhitespace != null) {
                    out.add(new Piece(paragraph, current.toString(), pendingWhitespace));
                    current.setLength(0);
                }
                current.append(unit.content());
                currentBytes = unitBytes;
            }
            pendingWhitespace = unit.whitespace();
        }
        if (pendingWhitespace != null) {
            out.add(new Piece(paragraph, current.toString(), pendingWhitespace));
        }
    }
}
