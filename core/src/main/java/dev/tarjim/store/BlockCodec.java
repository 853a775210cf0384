package dev.tarjim.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import dev.tarjim.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stored form of an article body (schema 2): compact JSON of its blocks, each an object with a {@code type}
 * ({@link Block.Kind} in lower case) and its fields. Inline content is an array whose plain text runs are bare
 * strings (most of a body, so it stays small) and whose markup is an object with a {@code type}: {@code link}
 * ({@code href}, {@code title}, {@code children}), {@code em}, {@code strong} ({@code children}), {@code code}
 * ({@code text}) or {@code br}.
 *
 * <p>Hand-written rather than bound to the records so that renaming a record component never silently changes what
 * is in the table; an unknown type is an error, never dropped text.
 */
final class BlockCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BlockCodec() {
    }

    /** The blocks as compact JSON. */
    static String write(List<Block> blocks) {
        ArrayNode out = NODES.arrayNode();
        blocks.forEach(b -> out.add(block(b)));
        return out.toString();
    }

    /** One block (a lead image) as compact JSON. */
    static String writeOne(Block block) {
        return block(block).toString();
    }

    /**
     * The blocks of {@link #write}'s JSON.
     *
     * @throws StoreException when the JSON is not a body of this schema
     */
    static List<Block> read(String json) {
        JsonNode root = parse(json);
        if (!root.isArray()) {
            throw new StoreException("stored body is not a JSON array", null);
        }
        List<Block> out = new ArrayList<>(root.size());
        root.forEach(b -> out.add(block(b)));
        return out;
    }

    /** The block of {@link #writeOne}'s JSON. */
    static Block readOne(String json) {
        return block(parse(json));
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable stored body", e);
        }
    }

    // ---------------------------------------------------------------- write

    private static ObjectNode block(Block block) {
        ObjectNode o = NODES.objectNode();
        o.put("type", block.kind().name().toLowerCase(Locale.ROOT));
        if (block instanceof Block.Paragraph p) {
            o.set("content", inlines(p.content()));
        } else if (block instanceof Block.Heading h) {
            o.put("level", h.level());
            o.set("content", inlines(h.content()));
        } else if (block instanceof Block.ListBlock l) {
            o.put("ordered", l.ordered());
            o.set("items", runs(l.items()));
        } else if (block instanceof Block.Quote q) {
            o.set("paragraphs", runs(q.paragraphs()));
            if (!q.attribution().isEmpty()) {
                o.set("attribution", inlines(q.attribution()));
            }
        } else if (block instanceof Block.Figure f) {
            o.put("src", f.src());
            putIfNotEmpty(o, "alt", f.alt());
            if (!f.caption().isEmpty()) {
                o.set("caption", inlines(f.caption()));
            }
            putIfNotEmpty(o, "credit", f.credit());
            if (f.width() != null) {
                o.put("width", f.width());
            }
            if (f.height() != null) {
                o.put("height", f.height());
            }
        } else if (block instanceof Block.Preformatted p) {
            o.put("text", p.text());
        } else {
            Block.Table t = (Block.Table) block;
            o.put("header", t.header());
            ArrayNode rows = o.putArray("rows");
            t.rows().forEach(row -> rows.add(runs(row)));
        }
        return o;
    }

    private static ArrayNode runs(List<List<Inline>> runs) {
        ArrayNode out = NODES.arrayNode();
        runs.forEach(r -> out.add(inlines(r)));
        return out;
    }

    private static ArrayNode inlines(List<Inline> content) {
        ArrayNode out = NODES.arrayNode();
        for (Inline i : content) {
            if (i instanceof Inline.Text t) {
                out.add(t.text());
            } else if (i instanceof Inline.Link l) {
                ObjectNode o = out.addObject().put("type", "link").put("href", l.href());
                if (l.title() != null) {
                    o.put("title", l.title());
                }
                o.set("children", inlines(l.children()));
            } else if (i instanceof Inline.Emphasis e) {
                out.addObject().put("type", "em").set("children", inlines(e.children()));
            } else if (i instanceof Inline.Strong s) {
                out.addObject().put("type", "strong").set("children", inlines(s.children()));
            } else if (i instanceof Inline.Code c) {
                out.addObject().put("type", "code").put("text", c.text());
            } else {
                out.addObject().put("type", "br");
            }
        }
        return out;
    }

    private static void putIfNotEmpty(ObjectNode o, String field, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(field, value);
        }
    }

    // ---------------------------------------------------------------- read

    private static Block block(JsonNode o) {
        String type = o.path("type").asText("");
        switch (type) {
            case "paragraph":
                return new Block.Paragraph(inlines(o.path("content")));
            case "heading":
                return new Block.Heading(o.path("level").asInt(2), inlines(o.path("content")));
            case "list":
                return new Block.ListBlock(o.path("ordered").asBoolean(false), runs(o.path("items")));
            case "quote":
                return new Block.Quote(runs(o.path("paragraphs")), inlines(o.path("attribution")));
            case "figure":
                return new Block.Figure(required(o, "src"), o.path("alt").asText(""), inlines(o.path("caption")),
                        o.path("credit").asText(""), integer(o, "width"), integer(o, "height"));
            case "preformatted":
                return new Block.Preformatted(required(o, "text"));
            case "table": {
                List<List<List<Inline>>> rows = new ArrayList<>();
                o.path("rows").forEach(row -> rows.add(runs(row)));
                return new Block.Table(o.path("header").asBoolean(false), rows);
            }
            default:
                throw new StoreException("stored body has a block of unknown type '" + type + "'", null);
        }
    }

    private static List<List<Inline>> runs(JsonNode array) {
        List<List<Inline>> out = new ArrayList<>();
        array.forEach(r -> out.add(inlines(r)));
        return out;
    }

    private static List<Inline> inlines(JsonNode array) {
        List<Inline> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isTextual()) {
                out.add(new Inline.Text(n.asText()));
                continue;
            }
            String type = n.path("type").asText("");
            switch (type) {
                case "link" -> out.add(new Inline.Link(required(n, "href"),
                        n.hasNonNull("title") ? n.get("title").asText() : null, inlines(n.path("children"))));
                case "em" -> out.add(new Inline.Emphasis(inlines(n.path("children"))));
                case "strong" -> out.add(new Inline.Strong(inlines(n.path("children"))));
                case "code" -> out.add(new Inline.Code(required(n, "text")));
                case "br" -> out.add(new Inline.LineBreak());
                default -> throw new StoreException("stored body has inline content of unknown type '" + type + "'",
                        null);
            }
        }
        return out;
    }

    private static String required(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new StoreException("stored body lacks '" + field + "' in " + o.path("type").asText("?"), null);
        }
        return v.asText();
    }

    private static Integer integer(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.canConvertToInt() ? v.asInt() : null;
    }
}
