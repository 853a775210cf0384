package dev.tarjim.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.article.Block;
import dev.tarjim.article.BodyHtml;
import dev.tarjim.article.BodyText;
import dev.tarjim.article.ContentParser;
import dev.tarjim.article.Inline;
import dev.tarjim.article.LanguageResolver;
import dev.tarjim.article.ParsedArticle;
import dev.tarjim.article.UnsupportedUploadException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./tarjim extract FILE...}: what the ingest would make of each file, one JSON line per file, without storing
 * anything: {@code file}, {@code title}, {@code language}, {@code text} (the body as plain text, blocks separated by
 * a blank line), {@code blocks} (each with its {@code kind} and content) and the metadata; or {@code file} and
 * {@code error} with the reason the ingest would give the editor.
 *
 * <p>It runs the ingest's own parser ({@link ContentParser}) and language resolution, so what it prints is what
 * would be stored. Exits 0 when every file was read (refusals included), 2 on a usage error.
 */
public final class Extract {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ContentParser parser = ContentParser.standard();
    private final LanguageResolver languages = LanguageResolver.standard();

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ./tarjim extract FILE...");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Extract extract = new Extract();
        for (String file : args) {
            out.println(extract.line(Path.of(file)));
        }
        out.flush();
    }

    /** The JSON line for one file. */
    String line(Path file) {
        ObjectNode json = JSON.createObjectNode();
        json.put("file", file.toString());
        try {
            byte[] content = Files.readAllBytes(file);
            ParsedArticle article = parser.parse(content, file.getFileName().toString());
            String language = languages.resolve(article);
            json.put("title", article.title());
            json.put("language", language);
            json.put("format", article.format());
            json.put("summary", article.summary());
            json.put("author", article.author());
            json.put("published", article.published() == null ? null : article.published().toString());
            json.put("updated", article.updated() == null ? null : article.updated().toString());
            json.put("canonicalUrl", article.canonicalUrl());
            json.set("leadImage", article.leadImage() == null ? null : block(article.leadImage()));
            ArrayNode tags = json.putArray("tags");
            article.tags().forEach(tags::add);
            ArrayNode warnings = json.putArray("warnings");
            article.warnings().forEach(warnings::add);
            json.put("text", BodyText.render(article.blocks()));
            ArrayNode blocks = json.putArray("blocks");
            article.blocks().forEach(b -> blocks.add(block(b)));
        } catch (UnsupportedUploadException e) {
            return error(file, e.getMessage());
        } catch (IOException e) {
            return error(file, "cannot read the file: " + e.getMessage());
        } catch (RuntimeException e) {
            // One broken file must not hide the others' results: report it on its own line.
            return error(file, "the parser failed: " + e);
        }
        return json.toString();
    }

    private static String error(Path file, String reason) {
        ObjectNode json = JSON.createObjectNode();
        json.put("file", file.toString());
        json.put("error", reason);
        return json.toString();
    }

    /** A block as JSON: its kind, and its content as HTML (inline markup kept) and as plain text. */
    private static ObjectNode block(Block block) {
        ObjectNode json = JSON.createObjectNode();
        json.put("kind", block.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (block instanceof Block.Heading h) {
            json.put("level", h.level());
        } else if (block instanceof Block.ListBlock l) {
            json.put("ordered", l.ordered());
            ArrayNode items = json.putArray("items");
            l.items().forEach(i -> items.add(BodyHtml.inline(i)));
        } else if (block instanceof Block.Quote q) {
            ArrayNode paragraphs = json.putArray("paragraphs");
            q.paragraphs().forEach(p -> paragraphs.add(BodyHtml.inline(p)));
            json.put("attribution", BodyHtml.inline(q.attribution()));
        } else if (block instanceof Block.Figure f) {
            json.put("src", f.src());
            json.put("alt", f.alt());
            json.put("caption", BodyHtml.inline(f.caption()));
            json.put("credit", f.credit());
            json.put("width", f.width());
            json.put("height", f.height());
        } else if (block instanceof Block.Table t) {
            json.put("header", t.header());
            ArrayNode rows = json.putArray("rows");
            for (List<List<Inline>> row : t.rows()) {
                ArrayNode cells = rows.addArray();
                row.forEach(c -> cells.add(BodyHtml.inline(c)));
            }
        }
        if (block instanceof Block.Paragraph || block instanceof Block.Heading) {
            json.put("html", BodyHtml.inline(block.texts().get(0)));
        }
        json.put("text", BodyText.block(block));
        return json;
    }
}
