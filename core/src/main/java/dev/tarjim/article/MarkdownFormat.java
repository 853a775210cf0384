package dev.tarjim.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads Markdown with optional YAML front matter ({@code title}, {@code lang}, {@code author}, {@code tags},
 * {@code published}, {@code slug}, {@code targets}, {@code summary}).
 *
 * <p>The body becomes plain-text paragraphs: each paragraph, list item, quoted paragraph and sub-heading is one
 * paragraph (sub-headings are kept because they are text the reader sees and must be translated); code blocks are
 * dropped (code is not translated) and raw HTML blocks contribute their text. Without a front-matter title the first
 * level-1 heading is the title; a level-1 heading repeating the front-matter title is dropped.
 *
 * <p>The front matter is parsed safely: YAML 1.2 core schema (plain scalars only: no custom or language tags, no
 * timestamps), at most {@value #MAX_ALIASES} aliases (a "billion laughs" document fails fast), no recursive keys,
 * no duplicate keys, no environment-variable substitution, and a size limit.
 */
final class MarkdownFormat {

    static final int MAX_ALIASES = 10;
    private static final Pattern FRONT_MATTER_START = Pattern.compile("\\A---[ \\t]*\\R");
    private static final Pattern FRONT_MATTER_END = Pattern.compile("^(?:---|\\.\\.\\.)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*[,،]\\s*");
    private static final Parser MARKDOWN = Parser.builder().build();

    private MarkdownFormat() {
    }

    static boolean hasFrontMatter(String text) {
        return FRONT_MATTER_START.matcher(text).lookingAt();
    }

    static ParsedArticle parse(String text, ParseLimits limits) throws UnsupportedUploadException {
        Map<?, ?> meta = Map.of();
        String markdown = text;
        var start = FRONT_MATTER_START.matcher(text);
        if (start.lookingAt()) {
            var end = FRONT_MATTER_END.matcher(text);
            if (!end.find(start.end())) {
                throw new UnsupportedUploadException("The front matter opened with --- is never closed with ---");
            }
            String yaml = text.substring(start.end(), end.start());
            if (yaml.length() > limits.maxFrontMatterChars()) {
                throw new UnsupportedUploadException("The front matter is " + yaml.length()
                        + " characters long; the limit is " + limits.maxFrontMatterChars());
            }
            meta = frontMatter(yaml, limits);
            markdown = text.substring(end.end());
        }
        String title = string(meta, "title");
        Blocks blocks = new Blocks(title);
        MARKDOWN.parse(markdown).accept(blocks);
        if (title == null || title.isBlank()) {
            title = blocks.headline;
        }
        if (title == null || title.isBlank()) {
            throw new UnsupportedUploadException(
                    "No title found: add title: to the front matter or start the text with a # heading");
        }
        String lang = string(meta, "lang", "language");
        String published = string(meta, "published", "date");
        Instant when = null;
        if (published != null) {
            when = Dates.parse(published).orElseThrow(() -> new UnsupportedUploadException("published: '" + published
                    + "' is not a date; write it as 2024-03-01 or 2024-03-01T10:00:00Z"));
        }
        List<String> targets = null;
        List<String> rawTargets = list(meta, "targets");
        if (rawTargets != null) {
            Set<String> codes = new LinkedHashSet<>();
            for (String t : rawTargets) {
                codes.add(LanguageTags.require("targets", t));
            }
            targets = List.copyOf(codes);
        }
        List<String> authors = list(meta, "author", "authors");
        List<String> tags = list(meta, "tags");
        return new ParsedArticle("markdown", title, string(meta, "summary", "description"), blocks.paragraphs,
                authors == null || authors.isEmpty() ? null : String.join(", ", authors),
                tags == null ? List.of() : tags, when, lang == null ? null : LanguageTags.require("lang", lang),
                string(meta, "slug"), targets);
    }

    private static Map<?, ?> frontMatter(String yaml, ParseLimits limits) throws UnsupportedUploadException {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setAllowNonScalarKeys(false)
                .setCodePointLimit(limits.maxFrontMatterChars())
                .build();
        Object doc;
        try {
            doc = new Load(settings).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new UnsupportedUploadException("The front matter is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new UnsupportedUploadException("The front matter must be key: value lines (title:, lang:, ...)");
        }
        return map;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip().lines().findFirst().orElse("unreadable");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String string(Map<?, ?> meta, String... keys) throws UnsupportedUploadException {
        for (String key : keys) {
            Object v = meta.get(key);
            if (v instanceof String s) {
                return s;
            }
            if (v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
            if (v != null) {
                throw new UnsupportedUploadException(key + ": must be a single value, not a list or a map");
            }
        }
        return null;
    }

    /** A YAML list, or a comma-separated string (Arabic commas too). */
    private static List<String> list(Map<?, ?> meta, String... keys) throws UnsupportedUploadException {
        for (String key : keys) {
            Object v = meta.get(key);
            if (v == null) {
                continue;
            }
            List<String> out = new ArrayList<>();
            if (v instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map || item instanceof List) {
                        throw new UnsupportedUploadException(key + ": must be a list of words or a comma-separated line");
                    }
                    if (item != null && !item.toString().isBlank()) {
                        out.add(item.toString().strip());
                    }
                }
            } else if (v instanceof Map) {
                throw new UnsupportedUploadException(key + ": must be a list or a comma-separated line, not a map");
            } else {
                for (String part : LIST_SPLIT.split(v.toString().strip())) {
                    if (!part.isBlank()) {
                        out.add(part);
                    }
                }
            }
            return out;
        }
        return null;
    }

    /** Collects block text as paragraphs, and the first level-1 heading as a candidate headline. */
    private static final class Blocks extends AbstractVisitor {
        final List<String> paragraphs = new ArrayList<>();
        final String declaredTitle;
        String headline;

        Blocks(String declaredTitle) {
            this.declaredTitle = declaredTitle == null ? null : Texts.clean(declaredTitle);
        }

        @Override
        public void visit(Paragraph paragraph) {
            paragraphs.add(inlineText(paragraph));
        }

        @Override
        public void visit(Heading heading) {
            String text = inlineText(heading);
            if (heading.getLevel() == 1 && headline == null) {
                headline = text;
                boolean isTheTitle = declaredTitle == null || declaredTitle.isEmpty()
                        || paragraphs.isEmpty() && Texts.clean(text).equals(declaredTitle);
                if (isTheTitle) {
                    return;
                }
            }
            paragraphs.add(text);
        }

        @Override
        public void visit(HtmlBlock html) {
            paragraphs.add(Jsoup.parseBodyFragment(html.getLiteral()).text());
        }

        private static String inlineText(Node block) {
            StringBuilder sb = new StringBuilder();
            block.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    sb.append(text.getLiteral());
                }

                @Override
                public void visit(Code code) {
                    sb.append(code.getLiteral());
                }

                @Override
                public void visit(SoftLineBreak br) {
                    sb.append(' ');
                }

                @Override
                public void visit(HardLineBreak br) {
                    sb.append(' ');
                }
            });
            return sb.toString();
        }
    }
}
