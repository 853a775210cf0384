package dev.tarjim.feed;

import dev.tarjim.article.Block;
import dev.tarjim.article.BodyHtml;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.Texts;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The bilingual view ({@code /articles/{id}/{lang}?beside={other}}): an article and one of its other languages block
 * by block, side by side (stacked on narrow screens). Each column carries its own {@code lang} and {@code dir}, so
 * Arabic beside English reads right to left in its column; a photo both languages show is shown once, with both
 * captions. Translations keep their original's blocks one for one, so block {@code n} faces block {@code n}; an
 * editor's review with another structure still pairs by position, the rest following.
 */
public final class BilingualRenderer {
    private final SiteLinks links;
    private final EntryHtml html;

    public BilingualRenderer(FeedSettings settings) {
        this.links = new SiteLinks(settings);
        this.html = new EntryHtml(links);
    }

    /** The view's URL: the page of {@code language} with {@code beside} next to it. */
    public String url(String articleId, String language, String beside) {
        return links.articleUrl(articleId, language) + "?beside=" + beside;
    }

    /**
     * @param first  the article in the page's language (the left column in a left-to-right page)
     * @param beside the same article in the other language
     */
    public String render(StoredArticle first, StoredArticle beside) {
        String title = EntryHtml.title(first);
        String site = links.settings().siteTitle(first.language());
        Document document = PageRenderer.shell(first.language(), title + " — " + site);
        document.body().addClass("beside-page");
        Element head = document.head();
        // A view of two pages, not a page of its own: search engines index the article's own pages.
        head.appendElement("link").attr("rel", "canonical").attr("href", links.articleUrl(first.id(),
                first.language()));
        head.appendElement("meta").attr("name", "robots").attr("content", "noindex, follow");

        Element body = document.body();
        body.appendElement("header").appendElement("a").attr("href", links.indexUrl()).text(site);
        Element main = body.appendElement("main").addClass("beside");
        Element titles = row(main);
        for (StoredArticle a : List.of(first, beside)) {
            Element column = column(titles, a);
            column.appendElement("h1").appendElement("a").attr("href", links.articleUrl(a.id(), a.language()))
                    .text(EntryHtml.title(a));
            column.append(html.noteHtml(a) + EntryHtml.correctionsHtml(a));
        }
        // Lead photos first (where the body does not show them), then the bodies block by block.
        java.util.Optional<Block.Figure> leadA = ArticleImages.leadOutsideBody(first);
        java.util.Optional<Block.Figure> leadB = ArticleImages.leadOutsideBody(beside);
        if (leadA.isPresent() && leadB.isPresent() && leadA.get().src().equals(leadB.get().src())) {
            main.append(sharedFigure(leadA.get(), first.language(), leadB.get(), beside.language()));
        } else if (leadA.isPresent() || leadB.isPresent()) {
            Element leads = row(main);
            column(leads, first).append(leadA.map(f -> Texts.xmlBody(BodyHtml.render(List.of(f)))).orElse(""));
            column(leads, beside).append(leadB.map(f -> Texts.xmlBody(BodyHtml.render(List.of(f)))).orElse(""));
        }
        List<Block> left = first.blocks();
        List<Block> right = beside.blocks();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            Block a = i < left.size() ? left.get(i) : null;
            Block b = i < right.size() ? right.get(i) : null;
            if (a instanceof Block.Figure fa && b instanceof Block.Figure fb && fa.src().equals(fb.src())) {
                main.append(sharedFigure(fa, first.language(), fb, beside.language()));
                continue;
            }
            Element r = row(main);
            column(r, first).append(a == null ? "" : Texts.xmlBody(BodyHtml.render(List.of(a))));
            column(r, beside).append(b == null ? "" : Texts.xmlBody(BodyHtml.render(List.of(b))));
        }
        return document.outerHtml();
    }

    private static Element row(Element main) {
        return main.appendElement("div").addClass("row");
    }

    private static Element column(Element row, StoredArticle article) {
        return row.appendElement("div").addClass("column").attr("lang", article.language())
                .attr("dir", Languages.direction(article.language()));
    }

    /** One image, and each language's caption under it in its own direction. */
    private static String sharedFigure(Block.Figure a, String langA, Block.Figure b, String langB) {
        Block.Figure imageOnly = new Block.Figure(a.src(), a.alt(), List.of(), a.credit(), a.width(), a.height());
        String figure = Texts.xmlBody(BodyHtml.render(List.of(imageOnly)));
        StringBuilder captions = new StringBuilder("<div class=\"row captions\">");
        for (Object[] side : new Object[][] {{a, langA}, {b, langB}}) {
            Block.Figure f = (Block.Figure) side[0];
            String lang = (String) side[1];
            captions.append("<p class=\"column caption\" lang=\"").append(BodyHtml.escape(lang)).append("\" dir=\"")
                    .append(Languages.direction(lang)).append("\">")
                    .append(Texts.xmlBody(BodyHtml.inline(f.caption()))).append("</p>");
        }
        return "<div class=\"shared-figure\">" + figure + captions.append("</div>") + "</div>";
    }
}
