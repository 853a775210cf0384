package dev.tarjim.translation;

import dev.tarjim.article.HtmlBlocks;
import dev.tarjim.article.Inline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One translatable piece of an article (a paragraph, a list item, a caption, an alt text) in the form a translation
 * engine receives it: an inline HTML fragment whose markup the engines keep (Apertium's HTML deformatter, Amazon
 * Translate's HTML handling), with nothing in it the engine could damage or leak.
 *
 * <p>Text is escaped ({@code & < >} only: quotes and apostrophes travel as themselves, so no numeric entity can be
 * mistaken for one of Apertium's {@code #} marks). Emphasis and strong are {@code <em>} and {@code <strong>}, a line
 * break {@code <br>}. A link is {@code <a id="l1">}: its href and title never go to the engine and are put back by
 * id from the source, so the engine can neither break nor invent a link. Code is an empty placeholder
 * {@code <code id="c1" translate="no"></code>} filled after translation, so code is never sent.
 *
 * <p>An answer goes through the one sanitizer ({@link HtmlBlocks#inline}) with its placeholders still in; the
 * source's links (href, title) and code replace them afterwards, exactly as they came.
 *
 * <p>Each piece also has a {@linkplain #plain() plain form} (text and code placeholders only), the fallback when the
 * engine's answer to the rich form does not have the structure that went in.
 *
 * @param rich   the engine-bound fragment with the piece's markup; also its translation-memory segment
 * @param plain  the engine-bound fragment without links and emphasis; equal to {@code rich} when there are none
 * @param links  the source's links by placeholder id
 * @param codes  the source's code spans by placeholder id
 * @param source the piece as it came
 */
public record EngineFragment(String rich, String plain, Map<String, Inline.Link> links, Map<String, String> codes,
        List<Inline> source) {
    /** A link's placeholder href between the engine's answer and the sanitizer; never seen outside this class. */
    private static final String TOKEN = "https://placeholder.invalid/";

    public EngineFragment {
        links = Map.copyOf(links);
        codes = Map.copyOf(codes);
        source = List.copyOf(source);
    }

    /** The engine-bound form of one piece of inline content. */
    public static EngineFragment of(List<Inline> content) {
        Encoder encoder = new Encoder();
        encoder.encode(content);
        return new EngineFragment(encoder.rich.toString(), encoder.plain.toString(), encoder.links, encoder.codes,
                content);
    }

    /** Whether the piece has words to translate (code and whitespace alone are kept as they are). */
    public boolean translatable() {
        return !plainWithoutCode(source).isBlank();
    }

    /** Whether the piece has links or emphasis, so that its rich and plain forms differ. */
    public boolean hasMarkup() {
        return !rich.equals(plain);
    }

    /**
     * The translated piece from the engine's answer to {@link #rich()}: sanitized, then links get their href and
     * title back from the source by id and code placeholders their code.
     *
     * @return empty when the answer's structure does not match the source: a link or code placeholder lost,
     *         duplicated, emptied or unknown, or no words at all
     */
    public Optional<List<Inline>> restore(String answer) {
        Element body = parse(answer);
        Set<String> seenLinks = new HashSet<>();
        Set<String> seenCodes = new HashSet<>();
        for (Element e : body.getAllElements()) {
            if (e == body) {
                continue;
            }
            String id = e.attr("id");
            clearAttributes(e);
            if (e.normalName().equals("a")) {
                Inline.Link link = links.get(id);
                if (link == null || !seenLinks.add(id) || e.text().isBlank() && e.select("code").isEmpty()) {
                    return Optional.empty();
                }
                e.attr("href", TOKEN + id);
            } else if (e.normalName().equals("code")) {
                if (!codes.containsKey(id) || !seenCodes.add(id)) {
                    return Optional.empty();
                }
                e.text(id);
            }
        }
        if (!seenLinks.equals(links.keySet()) || !seenCodes.equals(codes.keySet())) {
            return Optional.empty();
        }
        List<Inline> restored = fromSource(HtmlBlocks.inline(body.html(), null));
        if (plainWithoutCode(restored).isBlank() || count(restored, Inline.Link.class) != links.size() || count(restored, Inline.Code.class) != codes.size()) {
            return Optional.empty(); // e.g. a link the engine moved inside another, which the sanitizer unwraps
        }
        return Optional.of(restored);
    }

    /**
     * The translated piece from the engine's answer to {@link #plain()}: never fails. Any link in the answer is
     * unwrapped (the engine cannot add one), code placeholders are filled, and code whose placeholder the engine
     * lost is appended at the end rather than dropped; an answer without words gives back the source.
     */
    public List<Inline> restorePlain(String answer) {
        Element body = parse(answer);
        Set<String> seenCodes = new HashSet<>();
        for (Element e : new ArrayList<>(body.getAllElements())) {
            if (e == body) {
                continue;
            }
            String id = e.attr("id");
            clearAttributes(e);
            if (e.normalName().equals("a")) {
                e.unwrap();
            } else if (e.normalName().equals("code")) {
                if (!codes.containsKey(id) || !seenCodes.add(id)) {
                    e.remove();
                } else {
                    e.text(id);
                }
            }
        }
        codes.forEach((id, code) -> {
            if (!seenCodes.contains(id)) {
                body.appendText(" ").appendElement("code").text(id);
            }
        });
        List<Inline> restored = fromSource(HtmlBlocks.inline(body.html(), null));
        // An engine that answered nothing loses no words: the piece stays in its own language.
        return plainWithoutCode(restored).isBlank() ? source : restored;
    }

    /**
     * Puts the source's links and code back where the sanitized answer has their placeholders: hrefs, titles and
     * code exactly as they came, whatever the sanitizer would make of them.
     */
    private List<Inline> fromSource(List<Inline> content) {
        List<Inline> out = new ArrayList<>(content.size());
        for (Inline i : content) {
            if (i instanceof Inline.Link l && l.href().startsWith(TOKEN)) {
                Inline.Link source = links.get(l.href().substring(TOKEN.length()));
                out.add(new Inline.Link(source.href(), source.title(), fromSource(l.children())));
            } else if (i instanceof Inline.Link l) {
                out.add(new Inline.Link(l.href(), l.title(), fromSource(l.children())));
            } else if (i instanceof Inline.Code c && codes.containsKey(c.text())) {
                out.add(new Inline.Code(codes.get(c.text())));
            } else if (i instanceof Inline.Emphasis e) {
                out.add(new Inline.Emphasis(fromSource(e.children())));
            } else if (i instanceof Inline.Strong st) {
                out.add(new Inline.Strong(fromSource(st.children())));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    /** The answer's body, serialised back as it is (jsoup's pretty printer would add whitespace around tags). */
    private static Element parse(String answer) {
        Document document = Jsoup.parseBodyFragment(answer);
        document.outputSettings().prettyPrint(false);
        return document.body();
    }

    private static void clearAttributes(Element e) {
        for (Attribute a : new ArrayList<>(e.attributes().asList())) {
            e.removeAttr(a.getKey());
        }
    }

    private static int count(List<Inline> content, Class<? extends Inline> type) {
        int n = 0;
        for (Inline i : content) {
            if (type.isInstance(i)) {
                n++;
            }
            n += count(children(i), type);
        }
        return n;
    }

    private static List<Inline> children(Inline i) {
        if (i instanceof Inline.Link l) {
            return l.children();
        } else if (i instanceof Inline.Emphasis e) {
            return e.children();
        } else if (i instanceof Inline.Strong s) {
            return s.children();
        }
        return List.of();
    }

    private static String plainWithoutCode(List<Inline> content) {
        StringBuilder out = new StringBuilder();
        for (Inline i : content) {
            if (i instanceof Inline.Text t) {
                out.append(t.text());
            } else {
                out.append(plainWithoutCode(children(i)));
            }
        }
        return out.toString();
    }

    /** Text escaped for an HTML text node: {@code & < >} only. */
    static String escapeText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Writes the rich and the plain form in one walk, numbering placeholders in document order. */
    private static final class Encoder {
        final StringBuilder rich = new StringBuilder();
        final StringBuilder plain = new StringBuilder();
        final Map<String, Inline.Link> links = new LinkedHashMap<>();
        final Map<String, String> codes = new LinkedHashMap<>();

        void encode(List<Inline> content) {
            for (Inline i : content) {
                if (i instanceof Inline.Text t) {
                    both(escapeText(t.text()));
                } else if (i instanceof Inline.Code c) {
                    String id = "c" + (codes.size() + 1);
                    codes.put(id, c.text());
                    both("<code id=\"" + id + "\" translate=\"no\"></code>");
                } else if (i instanceof Inline.LineBreak) {
                    both("<br>");
                } else if (i instanceof Inline.Link l) {
                    String id = "l" + (links.size() + 1);
                    links.put(id, l);
                    wrap("<a id=\"" + id + "\">", l.children(), "</a>");
                } else if (i instanceof Inline.Emphasis e) {
                    wrap("<em>", e.children(), "</em>");
                } else if (i instanceof Inline.Strong s) {
                    wrap("<strong>", s.children(), "</strong>");
                }
            }
        }

        private void both(String s) {
            rich.append(s);
            plain.append(s);
        }

        private void wrap(String open, List<Inline> children, String close) {
            rich.append(open);
            encode(children);
            rich.append(close);
        }
    }
}
