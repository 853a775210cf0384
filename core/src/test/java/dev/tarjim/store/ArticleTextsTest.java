package dev.tarjim.store;

import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TagAuthority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarjim.article.Block;
import dev.tarjim.article.Block.Figure;
import dev.tarjim.article.Block.Heading;
import dev.tarjim.article.Block.ListBlock;
import dev.tarjim.article.Block.Paragraph;
import dev.tarjim.article.Block.Preformatted;
import dev.tarjim.article.Block.Quote;
import dev.tarjim.article.Block.Table;
import dev.tarjim.article.Inline.Code;
import dev.tarjim.article.Inline.Emphasis;
import dev.tarjim.article.Inline.LineBreak;
import dev.tarjim.article.Inline.Link;
import dev.tarjim.article.Inline.Strong;
import dev.tarjim.article.Inline.Text;
import dev.tarjim.testing.DynamoTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Article texts in dynalite: every kind of block round-trips; items of the paragraphs-only schema still read. */
class ArticleTextsTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static DynamoTable db;
    private static DynamoDbClient dynamo;
    private static String table;
    private static DynamoArticleStore store;

    static final List<Block> EVERY_KIND = List.of(
            new Paragraph(List.of(new Text("Plain, "), new Emphasis(List.of(new Text("em"))), new Text(" "),
                    new Strong(List.of(new Text("strong "), new Link("https://a.example/x?y=1&z=2", "T",
                            List.of(new Text("link"))))), new Text(" "),
                    new Link("mailto:desk@a.example", null, List.of(new Text("mail"))), new LineBreak(),
                    new Code("x < y"))),
            new Heading(3, List.of(new Text("Subhead"))),
            new ListBlock(true, List.of(List.of(new Text("one")), List.of(new Emphasis(List.of(new Text("two")))))),
            new ListBlock(false, List.of(List.of(new Text("bullet")))),
            new Quote(List.of(List.of(new Text("Said.")), List.of(new Text("Again."))), List.of(new Text("Her"))),
            new Quote(List.of(List.of(new Text("Anonymous."))), List.of()),
            new Figure("https://img.example/a.jpg", "alt text", List.of(new Text("Caption "),
                    new Emphasis(List.of(new Text("here")))), "© Photo", 800, 600),
            new Figure("https://img.example/b.jpg", "", List.of(), "", null, null),
            new Preformatted("  code\n    indented\t\"quoted\""),
            new Table(true, List.of(List.of(List.of(new Text("A")), List.of(new Text("B"))),
                    List.of(List.of(new Strong(List.of(new Text("1")))), List.of()))),
            new Paragraph(List.of(new Text("شي جين بينغ « 中文 » 😀"))));

    @BeforeAll
    static void start() {
        db = DynamoTable.start();
        dynamo = db.dynamo;
        table = db.newTable();
        store = new DynamoArticleStore(dynamo, table, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static StoredArticle article(String id, List<Block> blocks, String canonical, Figure lead) {
        return new StoredArticle(id, "en", "en", "Title", "Summary", blocks, "Ana", List.of("t"), T, T, 1,
                "incoming/" + id + ".md", "0".repeat(64), false, null, false, "slug", canonical, lead);
    }

    @Test
    void putArticle_everyKindOfBlock_roundTrips_withCanonicalUrlAndLeadImage() {
        Figure lead = new Figure("https://img.example/lead.jpg", "Lead", List.of(new Text("Lead caption")),
                "Credit", 1200, null);
        StoredArticle written = article("r0undtr1p0000001", EVERY_KIND, "https://news.example/a", lead);

        assertThat(store.putArticle(written, "0001")).isTrue();
        StoredArticle read = store.article("r0undtr1p0000001", "en").orElseThrow();

        assertThat(read.blocks()).containsExactlyElementsOf(EVERY_KIND);
        assertThat(read.canonicalUrl()).isEqualTo("https://news.example/a");
        assertThat(read.leadImage()).isEqualTo(lead);
        // The store minted its ids from its (default) authority on this first write.
        assertThat(read).isEqualTo(written.withIdAuthority(TagAuthority.LEGACY));
        Map<String, AttributeValue> item = rawItem("r0undtr1p0000001");
        assertThat(item.get("schema").n()).isEqualTo("2");
        assertThat(item).containsKey("body").doesNotContainKey("paragraphs");
    }

    @Test
    void putArticle_withoutCanonicalUrlOrLeadImage_readsThemAsNull() {
        store.putArticle(article("n0lead0000000001", List.of(Paragraph.of("Only text.")), null, null), "0001");

        StoredArticle read = store.article("n0lead0000000001", "en").orElseThrow();

        assertThat(read.canonicalUrl()).isNull();
        assertThat(read.leadImage()).isNull();
        assertThat(read.blocks()).containsExactly(Paragraph.of("Only text."));
    }

    @Test
    void article_legacyItemWithParagraphsList_readsAsParagraphBlocks() {
        Map<String, AttributeValue> item = legacyItem("l3gacy0000000001");
        item.put("paragraphs", AttributeValue.fromL(List.of(AttributeValue.fromS("First paragraph."),
                AttributeValue.fromS("Second, with <b>markup-looking</b> text."))));
        dynamo.putItem(b -> b.tableName(table).item(item));

        StoredArticle read = store.article("l3gacy0000000001", "ar").orElseThrow();

        assertThat(read.blocks()).containsExactly(Paragraph.of("First paragraph."),
                Paragraph.of("Second, with <b>markup-looking</b> text."));
        assertThat(read.title()).isEqualTo("عنوان");
        assertThat(read.canonicalUrl()).isNull();
        assertThat(read.leadImage()).isNull();
    }

    @Test
    void article_legacyItemWithChunkedParagraphs_readsAsParagraphBlocks() {
        String pk = "ART#l3gacy0000000002";
        String prefix = "BODY#ar#0001#";
        byte[] json = "[\"Chunked one.\",\"Chunked two.\"]".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            byte[] part = i == 0 ? java.util.Arrays.copyOfRange(json, 0, 10)
                    : java.util.Arrays.copyOfRange(json, 10, json.length);
            String sk = prefix + String.format("%05d", i);
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk),
                    "sk", AttributeValue.fromS(sk), "data", AttributeValue.fromB(SdkBytes.fromByteArray(part)))));
        }
        Map<String, AttributeValue> item = legacyItem("l3gacy0000000002");
        item.put("bodyPrefix", AttributeValue.fromS(prefix));
        item.put("bodyChunks", AttributeValue.fromN("2"));
        dynamo.putItem(b -> b.tableName(table).item(item));

        StoredArticle read = store.article("l3gacy0000000002", "ar").orElseThrow();

        assertThat(read.blocks()).containsExactly(Paragraph.of("Chunked one."), Paragraph.of("Chunked two."));
    }

    @Test
    void article_itemOfANewerSchema_isAnErrorNotAnEmptyBody() {
        Map<String, AttributeValue> item = legacyItem("n3wer00000000001");
        item.put("schema", AttributeValue.fromN("3"));
        item.put("body", AttributeValue.fromS("{}"));
        dynamo.putItem(b -> b.tableName(table).item(item));

        assertThatThrownBy(() -> store.article("n3wer00000000001", "ar"))
                .isInstanceOf(StoreException.class).hasMessageContaining("schema 3");
    }

    @Test
    void putArticle_largeStructuredBody_goesToChunks_andRoundTrips() {
        List<Block> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            blocks.add(new Paragraph(List.of(new Text(i + " " + "شي جين بينغ والرئيس الروسي ".repeat(30)),
                    new Link("https://a.example/" + i, null, List.of(new Text("link"))))));
            blocks.add(new ListBlock(false, List.of(List.of(new Text("item " + i)))));
        }
        StoredArticle written = article("b1gblocks0000001", blocks, null, null);

        assertThat(store.putArticle(written, "0001")).isTrue();

        assertThat(rawItem("b1gblocks0000001")).containsKey("bodyPrefix").doesNotContainKey("body");
        assertThat(store.article("b1gblocks0000001", "en").orElseThrow().blocks()).isEqualTo(blocks);
    }

    private static Map<String, AttributeValue> rawItem(String id) {
        return dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("ART#" + id),
                "sk", AttributeValue.fromS("LANG#" + (id.startsWith("l3g") ? "ar" : "en"))))).item();
    }

    /** An article item as the code before schema 2 wrote it: no schema attribute, no body attribute. */
    private static Map<String, AttributeValue> legacyItem(String id) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("ART#" + id));
        item.put("sk", AttributeValue.fromS("LANG#ar"));
        item.put("seq", AttributeValue.fromS("0001"));
        item.put("id", AttributeValue.fromS(id));
        item.put("lang", AttributeValue.fromS("ar"));
        item.put("sourceLang", AttributeValue.fromS("ar"));
        item.put("title", AttributeValue.fromS("عنوان"));
        item.put("summary", AttributeValue.fromS("ملخص"));
        item.put("published", AttributeValue.fromS(T.toString()));
        item.put("updated", AttributeValue.fromS(T.toString()));
        item.put("revision", AttributeValue.fromN("1"));
        item.put("sourceKey", AttributeValue.fromS("incoming/old.txt"));
        item.put("contentHash", AttributeValue.fromS("0".repeat(64)));
        item.put("machineTranslated", AttributeValue.fromBool(false));
        item.put("withdrawn", AttributeValue.fromBool(false));
        return item;
    }
}
