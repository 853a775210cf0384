package dev.tarjim.article;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main content of an HTML page: a port to jsoup of the content-scoring core of Mozilla's Readability.js
 * (the algorithm of Firefox's Reader View).
 *
 * <p>Paragraph-like elements are scored by their text (length, commas); each score flows to the parent in full, the
 * grandparent by half and further ancestors by less; class and id names that look like content or like chrome move a
 * candidate's score up or down; the candidates' scores are scaled by how little of their text is link text. The best
 * candidate is taken with those of its siblings that score close to it or read like prose; then the result is
 * cleaned of what looks like chrome inside it (share boxes, link lists, forms, low-content blocks). When that leaves
 * too little text, the run is repeated with fewer heuristics, as Readability does.
 *
 * <p>The element returned is a detached copy, ready for {@link HtmlBlocks}, which is what decides what is kept of
 * it: this class never builds markup that reaches a reader.
 */
final class HtmlExtractor {

    private static final Pattern UNLIKELY = Pattern.compile("-ad-|ai2html|banner|breadcrumbs|combx|comment|community"
            + "|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar"
            + "|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE_CANDIDATE = Pattern.compile("and|article|body|column|content|main|mathjax"
            + "|shadow", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile("article|body|content|entry|hentry|h-entry|main|page"
            + "|pagination|post|text|blog|story", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx"
            + "|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox"
            + "|sidebar|skyscraper|sponsor|shopping|tags|widget", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE = Pattern.compile("byline|author|dateline|writtenby|p-author",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMAS = Pattern.compile("[\\u002C\\u060C\\uFE50\\uFE10\\uFE11\\u2E41\\u2E34"
            + "\\u2E32\\uFF0C]");
    private static final Pattern AD_WORDS = Pattern.compile("^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?"
            + "|广告|Реклама|Anuncio)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LOADING_WORDS = Pattern.compile("^((loading|正在加载|Загрузка|chargement|cargando)"
            + "(…|\\.\\.\\.)?)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern VIDEOS = Pattern.compile("//(www\\.)?((dailymotion|youtube|youtube-nocookie"
            + "|player\\.vimeo|v\\.qq|bilibili|live.bilibili)\\.com|(archive|upload\\.wikimedia)\\.org"
            + "|player\\.twitch\\.tv)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation",
            "alert", "alertdialog", "dialog");
    private static final Set<String> TAGS_TO_SCORE = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td",
            "pre");
    private static final Set<String> DIV_TO_P = Set.of("blockquote", "dl", "div", "img", "ol", "p", "pre", "table",
            "ul");
    private static final Set<String> ALTER_TO_DIV_EXCEPTIONS = Set.of("div", "article", "section", "p", "ol", "ul");
    private static final Set<String> PHRASING = Set.of("abbr", "audio", "b", "bdo", "br", "button", "cite", "code",
            "data", "datalist", "dfn", "em", "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter",
            "noscript", "object", "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span",
            "strong", "sub", "sup", "textarea", "time", "var", "wbr");
    private static final Set<String> EMPTY_REMOVABLE = Set.of("div", "section", "header", "h1", "h2", "h3", "h4",
            "h5", "h6");
    private static final Set<String> TEXTISH = Set.of("span", "li", "td", "blockquote", "dl", "div", "img", "ol",
            "p", "pre", "table", "ul");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /** Readability's default: below this many characters of text, a run is retried with fewer heuristics. */
    private static final int CHAR_THRESHOLD = 500;
    private static final int TOP_CANDIDATES = 5;
    private static final String WAS = "data-tarjim-was";

    private static final int STRIP_UNLIKELYS = 1;
    private static final int WEIGHT_CLASSES = 2;
    private static final int CLEAN_CONDITIONALLY = 4;

    private final String title;
    private final boolean removeByline;
    private int flags = STRIP_UNLIKELYS | WEIGHT_CLASSES | CLEAN_CONDITIONALLY;
    private Map<Element, Double> scores = new IdentityHashMap<>();
    private Map<Element, Boolean> dataTables = new IdentityHashMap<>();
    private String byline;
    private String bylineElementText;

    private HtmlExtractor(String title, boolean removeByline) {
        this.title = title == null ? "" : title;
        this.removeByline = removeByline;
    }

    /** What the extractor found: the content (a detached element) and the byline it took out of it, if any. */
    record Result(Element content, String byline) {
    }

    /**
     * The page's main content.
     *
     * @param page         the parsed page; not modified
     * @param title        the article's title, so that a heading repeating it is not taken for content
     * @param removeByline whether to take a byline element out of the content (when the metadata has no author,
     *                     its text becomes the author)
     */
    static Result extract(Document page, String title, boolean removeByline) {
        Document doc = page.clone();
        doc.select("script, noscript, style, template").remove();
        Element body = doc.body();
        replaceBrs(body);
        for (Element font : body.select("font")) {
            font.tagName("span");
        }
        HtmlExtractor extractor = new HtmlExtractor(title, removeByline);
        return new Result(extractor.grab(doc), extractor.byline);
    }

    // ------------------------------------------------------------------ the scoring loop

    private Element grab(Document pristine) {
        List<Element> attempts = new ArrayList<>();
        while (true) {
            Element body = pristine.clone().body();
            scores = new IdentityHashMap<>();
            dataTables = new IdentityHashMap<>();
            Element content = attempt(body);
            int length = innerText(content).length();
            if (length >= CHAR_THRESHOLD) {
                return attempts.isEmpty() ? content : withoutChrome(content);
            }
            attempts.add(content);
            if ((flags & STRIP_UNLIKELYS) != 0) {
                flags &= ~STRIP_UNLIKELYS;
            } else if ((flags & WEIGHT_CLASSES) != 0) {
                flags &= ~WEIGHT_CLASSES;
            } else if ((flags & CLEAN_CONDITIONALLY) != 0) {
                flags &= ~CLEAN_CONDITIONALLY;
            } else {
                Element best = attempts.get(0);
                for (Element a : attempts) {
                    if (innerText(a).length() > innerText(best).length()) {
                        best = a;
                    }
                }
                return withoutChrome(best);
            }
        }
    }

    /**
     * A short article (under Readability's 500 characters, common among uploads) is found by a retry that no longer
     * strips unlikely elements; this takes out again what is plainly not the article: comment, share, related and
     * navigation areas, unless that would leave nothing.
     */
    private static Element withoutChrome(Element content) {
        Element copy = content.clone();
        for (Element e : copy.select("*")) {
            String match = e.className() + " " + e.id() + " " + e.attr(WAS);
            boolean chrome = e.normalName().equals("nav") || e.normalName().equals("aside")
                    || UNLIKELY_ROLES.contains(e.attr("role"))
                    || UNLIKELY.matcher(match).find() && !MAYBE_CANDIDATE.matcher(match).find();
            if (chrome && e != copy && e.parent() != null) {
                e.remove();
            }
        }
        return copy.text().isBlank() ? content : copy;
    }

    private Element attempt(Element body) {
        List<Element> toScore = prepare(body);
        List<Element> candidates = score(toScore);
        Element top = topCandidate(candidates, body);
        Element article = new Element("div");
        double threshold = Math.max(10, score(top) * 0.2);
        Element parent = top.parent();
        List<Element> siblings = parent == null ? List.of(top) : new ArrayList<>(parent.children());
        for (Element sibling : siblings) {
            boolean append = sibling == top;
            if (!append) {
                double bonus = !top.className().isEmpty() && sibling.className().equals(top.className())
                        ? score(top) * 0.2 : 0;
                if (scores.containsKey(sibling) && score(sibling) + bonus >= threshold) {
                    append = true;
                } else if (sibling.normalName().equals("p")) {
                    double density = linkDensity(sibling);
                    String text = innerText(sibling);
                    append = text.length() > 80 && density < 0.25
                            || text.length() < 80 && !text.isEmpty() && density == 0
                            && SENTENCE_END.matcher(text).find();
                }
            }
            if (append) {
                if (!ALTER_TO_DIV_EXCEPTIONS.contains(sibling.normalName())) {
                    sibling.tagName("div");
                }
                article.appendChild(sibling);
            }
        }
        prepArticle(article);
        return article;
    }

    /** Drops hidden and unlikely elements, turns text-only divs into paragraphs; the elements to score. */
    private List<Element> prepare(Element body) {
        List<Element> toScore = new ArrayList<>();
        boolean titleHeaderPending = true;
        Element node = body;
        while (node != null) {
            String match = node.className() + " " + node.id();
            String tag = node.normalName();
            if (!probablyVisible(node)
                    || "true".equals(node.attr("aria-modal")) && "dialog".equals(node.attr("role"))) {
                node = removeAndGetNext(node);
                continue;
            }
            // Readability takes the byline out only on its first run; a retry (short articles) would leave it in.
            if (removeByline && validByline(node, match)
                    && (byline == null || node.text().strip().equals(bylineElementText))) {
                Element name = node.selectFirst("[itemprop~=name]");
                if (byline == null) {
                    byline = (name != null && name != node ? name : node).text().strip();
                    bylineElementText = node.text().strip();
                }
                node = removeAndGetNext(node);
                continue;
            }
            if (titleHeaderPending && headerDuplicatesTitle(node)) {
                titleHeaderPending = false;
                node = removeAndGetNext(node);
                continue;
            }
            if ((flags & STRIP_UNLIKELYS) != 0 && node != body) {
                if (UNLIKELY.matcher(match).find() && !MAYBE_CANDIDATE.matcher(match).find()
                        && !hasAncestor(node, "table", 3) && !hasAncestor(node, "code", 3)
                        && !tag.equals("a")) {
                    node = removeAndGetNext(node);
                    continue;
                }
                if (UNLIKELY_ROLES.contains(node.attr("role"))) {
                    node = removeAndGetNext(node);
                    continue;
                }
            }
            if (EMPTY_REMOVABLE.contains(tag) && withoutContent(node)) {
                node = removeAndGetNext(node);
                continue;
            }
            if (TAGS_TO_SCORE.contains(tag)) {
                toScore.add(node);
            }
            if (tag.equals("div")) {
                wrapPhrasing(node);
                if (singleChild(node, "p") && linkDensity(node) < 0.25) {
                    Element p = node.child(0);
                    // Remembered for withoutChrome: the div's class said what the paragraph is.
                    p.attr(WAS, (p.attr(WAS) + " " + node.attr(WAS) + " " + match).strip());
                    node.replaceWith(p);
                    node = p;
                    toScore.add(node);
                } else if (!hasChildBlock(node)) {
                    node.tagName("p");
                    toScore.add(node);
                }
            }
            node = next(node, false);
        }
        return toScore;
    }

    /** Readability puts each run of phrasing content directly in a div into a paragraph of its own. */
    private static void wrapPhrasing(Element div) {
        List<Node> children = new ArrayList<>(div.childNodes());
        int i = 0;
        while (i < children.size()) {
            if (!phrasing(children.get(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < children.size() && phrasing(children.get(i))) {
                i++;
            }
            int from = start;
            int to = i;
            while (from < to && whitespace(children.get(from))) {
                children.get(from++).remove();
            }
            while (to > from && whitespace(children.get(to - 1))) {
                children.get(--to).remove();
            }
            if (from < to) {
                Element p = new Element("p");
                children.get(from).before(p);
                for (int k = from; k < to; k++) {
                    p.appendChild(children.get(k));
                }
            }
        }
    }

    private List<Element> score(List<Element> toScore) {
        List<Element> candidates = new ArrayList<>();
        for (Element element : toScore) {
            if (element.parent() == null || !attached(element)) {
                continue;
            }
            String text = innerText(element);
            if (text.length() < 25) {
                continue;
            }
            List<Element> ancestors = ancestors(element, 5);
            if (ancestors.isEmpty()) {
                continue;
            }
            double points = 1 + COMMAS.split(text, -1).length + Math.min(text.length() / 100, 3);
            for (int level = 0; level < ancestors.size(); level++) {
                Element ancestor = ancestors.get(level);
                if (ancestor instanceof Document || ancestor.parent() == null || ancestor.parent() instanceof Document) {
                    continue;
                }
                if (!scores.containsKey(ancestor)) {
                    initialise(ancestor);
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.put(ancestor, scores.get(ancestor) + points / divider);
            }
        }
        return candidates;
    }

    private Element topCandidate(List<Element> candidates, Element body) {
        List<Element> top = new ArrayList<>();
        for (Element candidate : candidates) {
            double s = score(candidate) * (1 - linkDensity(candidate));
            scores.put(candidate, s);
            for (int t = 0; t < TOP_CANDIDATES; t++) {
                if (t >= top.size() || s > score(top.get(t))) {
                    top.add(t, candidate);
                    if (top.size() > TOP_CANDIDATES) {
                        top.remove(top.size() - 1);
                    }
                    break;
                }
            }
        }
        Element best = top.isEmpty() ? null : top.get(0);
        if (best == null || best.normalName().equals("body")) {
            Element div = new Element("div");
            for (Node child : new ArrayList<>(body.childNodes())) {
                div.appendChild(child);
            }
            body.appendChild(div);
            initialise(div);
            return div;
        }
        List<List<Element>> alternatives = new ArrayList<>();
        for (int i = 1; i < top.size(); i++) {
            if (score(top.get(i)) / score(best) >= 0.75) {
                alternatives.add(ancestors(top.get(i), 0));
            }
        }
        if (alternatives.size() >= 3) {
            Element parent = best.parent();
            while (parent != null && !parent.normalName().equals("body")) {
                int containing = 0;
                for (List<Element> list : alternatives) {
                    if (containsIdentity(list, parent)) {
                        containing++;
                    }
                }
                if (containing >= 3) {
                    best = parent;
                    break;
                }
                parent = parent.parent();
            }
        }
        if (!scores.containsKey(best)) {
            initialise(best);
        }
        Element parent = best.parent();
        double last = score(best);
        double floor = last / 3;
        while (parent != null && !parent.normalName().equals("body")) {
            if (!scores.containsKey(parent)) {
                parent = parent.parent();
                continue;
            }
            double parentScore = score(parent);
            if (parentScore < floor) {
                break;
            }
            if (parentScore > last) {
                best = parent;
                break;
            }
            last = parentScore;
            parent = parent.parent();
        }
        parent = best.parent();
        while (parent != null && !parent.normalName().equals("body") && parent.children().size() == 1) {
            best = parent;
            parent = best.parent();
        }
        if (!scores.containsKey(best)) {
            initialise(best);
        }
        return best;
    }

    // ------------------------------------------------------------------ cleaning the result

    private void prepArticle(Element article) {
        markDataTables(article);
        cleanConditionally(article, "form");
        cleanConditionally(article, "fieldset");
        clean(article, "object");
        clean(article, "embed");
        clean(article, "footer");
        clean(article, "link");
        clean(article, "aside");
        for (Element child : new ArrayList<>(article.children())) {
            for (Element e : new ArrayList<>(child.select("*"))) {
                if (e != child && attached(e) && SHARE.matcher(e.className() + " " + e.id()).find()
                        && e.text().length() < CHAR_THRESHOLD) {
                    e.remove();
                }
            }
        }
        clean(article, "iframe");
        clean(article, "input");
        clean(article, "textarea");
        clean(article, "select");
        clean(article, "button");
        for (Element h : article.select("h1, h2")) {
            if (classWeight(h) < 0) {
                h.remove();
            }
        }
        cleanConditionally(article, "table");
        cleanConditionally(article, "ul");
        cleanConditionally(article, "div");
        for (Element h1 : article.select("h1")) {
            h1.tagName("h2");
        }
        for (Element p : article.select("p")) {
            if (p.select("img, embed, object, iframe").isEmpty() && p.text().isBlank()) {
                p.remove();
            }
        }
        for (Element table : article.select("table")) {
            Element tbody = singleChild(table, "tbody") ? table.child(0) : table;
            if (singleChild(tbody, "tr")) {
                Element row = tbody.child(0);
                if (singleChild(row, "td")) {
                    Element cell = row.child(0);
                    boolean allPhrasing = cell.childNodes().stream().allMatch(HtmlExtractor::phrasing);
                    cell.tagName(allPhrasing ? "p" : "div");
                    table.replaceWith(cell);
                }
            }
        }
    }

    private void clean(Element root, String tag) {
        boolean embed = tag.equals("object") || tag.equals("embed") || tag.equals("iframe");
        for (Element e : root.select(tag)) {
            if (tag.equals("footer") && e.parent() != null && e.parent().normalName().equals("blockquote")) {
                continue; // a quotation's attribution, not the page's footer
            }
            if (embed && (e.attributes().asList().stream().anyMatch(a -> VIDEOS.matcher(a.getValue()).find())
                    || tag.equals("object") && VIDEOS.matcher(e.html()).find())) {
                continue;
            }
            e.remove();
        }
    }

    private void cleanConditionally(Element root, String tag) {
        if ((flags & CLEAN_CONDITIONALLY) == 0) {
            return;
        }
        Elements nodes = root.select(tag);
        // Backwards, as Readability does: removing an inner node first changes what its container is judged by.
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Element node = nodes.get(i);
            if (attached(node, root) && shouldRemove(node, tag)) {
                node.remove();
            }
        }
    }

    private boolean shouldRemove(Element node, String tag) {
        boolean isList = tag.equals("ul") || tag.equals("ol");
        String text = innerText(node);
        if (!isList) {
            int listLength = 0;
            for (Element list : node.select("ul, ol")) {
                listLength += innerText(list).length();
            }
            isList = !text.isEmpty() && (double) listLength / text.length() > 0.9;
        }
        if (tag.equals("table") && dataTables.getOrDefault(node, false)) {
            return false;
        }
        for (Element a = node.parent(); a != null; a = a.parent()) {
            if (a.normalName().equals("table") && dataTables.getOrDefault(a, false)) {
                return false;
            }
        }
        if (hasAncestor(node, "code", 3)) {
            return false;
        }
        for (Element t : node.select("table")) {
            if (dataTables.getOrDefault(t, false)) {
                return false;
            }
        }
        int weight = classWeight(node);
        if (weight < 0) {
            return true;
        }
        if (COMMAS.split(text, -1).length - 1 >= 10) {
            return false;
        }
        int p = node.getElementsByTag("p").size();
        int img = node.getElementsByTag("img").size();
        int li = node.getElementsByTag("li").size() - 100;
        int input = node.getElementsByTag("input").size();
        double headingDensity = textDensity(node, HEADINGS);
        int embedCount = 0;
        for (Element embed : node.select("object, embed, iframe")) {
            if (embed.attributes().asList().stream().anyMatch(a -> VIDEOS.matcher(a.getValue()).find())
                    || embed.normalName().equals("object") && VIDEOS.matcher(embed.html()).find()) {
                return false;
            }
            embedCount++;
        }
        if (AD_WORDS.matcher(text).matches() || LOADING_WORDS.matcher(text).matches()) {
            return true;
        }
        int contentLength = text.length();
        double density = linkDensity(node);
        double textDensity = textDensity(node, TEXTISH);
        boolean inFigure = hasAncestor(node, "figure", 3);
        boolean remove = !inFigure && img > 1 && (double) p / img < 0.5
                || !isList && li > p
                || input > p / 3
                || !isList && !inFigure && headingDensity < 0.9 && contentLength < 25 && (img == 0 || img > 2)
                && density > 0
                || !isList && weight < 25 && density > 0.2
                || weight >= 25 && density > 0.5
                || embedCount == 1 && contentLength < 75 || embedCount > 1
                || img == 0 && textDensity == 0;
        if (isList && remove) {
            for (Element child : node.children()) {
                if (child.children().size() > 1) {
                    return true;
                }
            }
            return img != node.getElementsByTag("li").size();
        }
        return remove;
    }

    private void markDataTables(Element root) {
        for (Element table : root.select("table")) {
            dataTables.put(table, isDataTable(table));
        }
    }

    private static boolean isDataTable(Element table) {
        if (table.attr("role").equals("presentation") || table.attr("datatable").equals("0")) {
            return false;
        }
        if (!table.attr("summary").isEmpty()) {
            return true;
        }
        Element caption = table.selectFirst("caption");
        if (caption != null && caption.childNodeSize() > 0
                || !table.select("col, colgroup, tfoot, thead, th").isEmpty()) {
            return true;
        }
        if (table.select("table").size() > 1) {
            return false;
        }
        int rows = 0;
        int columns = 0;
        for (Element tr : table.getElementsByTag("tr")) {
            rows += Math.max(1, parseIntOr(tr.attr("rowspan"), 1));
            int inRow = 0;
            for (Element td : tr.getElementsByTag("td")) {
                inRow += Math.max(1, parseIntOr(td.attr("colspan"), 1));
            }
            columns = Math.max(columns, inRow);
        }
        if (columns == 1 || rows == 1) {
            return false;
        }
        return rows >= 10 || columns > 4 || rows * columns > 10;
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ------------------------------------------------------------------ measures

    private void initialise(Element node) {
        double s = switch (node.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        scores.put(node, s + classWeight(node));
    }

    private double score(Element e) {
        return scores.getOrDefault(e, 0.0);
    }

    private int classWeight(Element e) {
        if ((flags & WEIGHT_CLASSES) == 0) {
            return 0;
        }
        int weight = 0;
        for (String name : new String[] {e.className(), e.id()}) {
            if (!name.isEmpty()) {
                if (NEGATIVE.matcher(name).find()) {
                    weight -= 25;
                }
                if (POSITIVE.matcher(name).find()) {
                    weight += 25;
                }
            }
        }
        return weight;
    }

    private static String innerText(Element e) {
        return e.text();
    }

    private static double linkDensity(Element e) {
        int length = innerText(e).length();
        if (length == 0) {
            return 0;
        }
        double links = 0;
        for (Element a : e.getElementsByTag("a")) {
            double coefficient = a.attr("href").matches("^#.+") ? 0.3 : 1;
            links += innerText(a).length() * coefficient;
        }
        return links / length;
    }

    /**
     * The share of the element's text inside descendants with one of the tags (text in nested ones counted once per
     * such ancestor, as Readability sums its children's texts), in one walk of the subtree: a page of deeply nested
     * elements must not cost a walk per descendant.
     */
    private static double textDensity(Element e, Set<String> tags) {
        int length = innerText(e).length();
        if (length == 0) {
            return 0;
        }
        long[] children = {0};
        int[] depth = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int d) {
                if (node instanceof Element el && el != e && tags.contains(el.normalName())) {
                    depth[0]++;
                } else if (node instanceof TextNode t && depth[0] > 0) {
                    children[0] += (long) Texts.collapse(t.getWholeText()).length() * depth[0];
                }
            }

            @Override
            public void tail(Node node, int d) {
                if (node instanceof Element el && el != e && tags.contains(el.normalName())) {
                    depth[0]--;
                }
            }
        }, e);
        return Math.min((double) children[0] / length, 10);
    }

    private boolean headerDuplicatesTitle(Element node) {
        String tag = node.normalName();
        return (tag.equals("h1") || tag.equals("h2")) && similarity(title, node.text()) > 0.75;
    }

    /** Readability's measure: the share of the second text's words that the first also has (by length). */
    static double similarity(String a, String b) {
        List<String> tokensA = tokens(a);
        List<String> tokensB = tokens(b);
        if (tokensA.isEmpty() || tokensB.isEmpty()) {
            return 0;
        }
        Set<String> inA = Set.copyOf(tokensA);
        List<String> unique = tokensB.stream().filter(t -> !inA.contains(t)).toList();
        return 1 - (double) String.join(" ", unique).length() / String.join(" ", tokensB).length();
    }

    private static List<String> tokens(String s) {
        return java.util.Arrays.stream(TOKEN_SPLIT.split(s.toLowerCase(Locale.ROOT))).filter(t -> !t.isEmpty())
                .toList();
    }

    private static boolean validByline(Element node, String match) {
        String text = node.text().strip();
        return (node.attr("rel").equals("author") || node.attr("itemprop").contains("author")
                || BYLINE.matcher(match).find()) && !text.isEmpty() && text.length() < 100;
    }

    private static boolean probablyVisible(Element node) {
        String style = node.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
        return !style.contains("display:none") && !style.contains("visibility:hidden") && !node.hasAttr("hidden")
                && (!"true".equals(node.attr("aria-hidden")) || node.className().contains("fallback-image"));
    }

    // ------------------------------------------------------------------ tree helpers

    private static Element removeAndGetNext(Element node) {
        Element next = next(node, true);
        node.remove();
        return next;
    }

    /** Depth-first traversal over elements, as Readability's _getNextNode. */
    private static Element next(Element node, boolean skipChildren) {
        if (!skipChildren && node.childrenSize() > 0) {
            return node.child(0);
        }
        Element sibling = node.nextElementSibling();
        if (sibling != null) {
            return sibling;
        }
        Element parent = node.parent();
        while (parent != null && parent.nextElementSibling() == null) {
            parent = parent.parent();
        }
        return parent == null ? null : parent.nextElementSibling();
    }

    private static List<Element> ancestors(Element node, int max) {
        List<Element> out = new ArrayList<>();
        for (Element p = node.parent(); p != null; p = p.parent()) {
            out.add(p);
            if (max > 0 && out.size() == max) {
                break;
            }
        }
        return out;
    }

    private static boolean containsIdentity(List<Element> list, Element e) {
        for (Element x : list) {
            if (x == e) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAncestor(Element node, String tag, int maxDepth) {
        int depth = 0;
        for (Element p = node.parent(); p != null; p = p.parent()) {
            if (maxDepth > 0 && depth > maxDepth) {
                return false;
            }
            if (p.normalName().equals(tag)) {
                return true;
            }
            depth++;
        }
        return false;
    }

    private static boolean attached(Element e) {
        Element top = e;
        while (top.parent() != null) {
            top = top.parent();
        }
        return top instanceof Document;
    }

    private static boolean attached(Element e, Element root) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }

    private static boolean withoutContent(Element node) {
        if (!node.text().isBlank()) {
            return false;
        }
        int children = node.childrenSize();
        return children == 0 || children == node.getElementsByTag("br").size() + node.getElementsByTag("hr").size();
    }

    private static boolean singleChild(Element e, String tag) {
        if (e.childrenSize() != 1 || !e.child(0).normalName().equals(tag)) {
            return false;
        }
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t && !t.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasChildBlock(Element e) {
        for (Element child : e.children()) {
            if (DIV_TO_P.contains(child.normalName()) || hasChildBlock(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean phrasing(Node node) {
        if (node instanceof TextNode) {
            return true;
        }
        if (!(node instanceof Element e)) {
            return false;
        }
        String tag = e.normalName();
        return PHRASING.contains(tag) || (tag.equals("a") || tag.equals("del") || tag.equals("ins"))
                && e.childNodes().stream().allMatch(HtmlExtractor::phrasing);
    }

    private static boolean whitespace(Node node) {
        return node instanceof TextNode t && t.isBlank() || node instanceof Element e && e.normalName().equals("br");
    }

    /** Two or more {@code <br>} in a row end a paragraph: what follows them becomes a {@code <p>} (Readability). */
    private static void replaceBrs(Element root) {
        for (Element br : root.select("br")) {
            if (br.parent() == null) {
                continue;
            }
            Node next = nextNonBlank(br.nextSibling());
            boolean replaced = false;
            while (next instanceof Element e && e.normalName().equals("br")) {
                replaced = true;
                Node after = e.nextSibling();
                e.remove();
                next = nextNonBlank(after);
            }
            if (!replaced) {
                continue;
            }
            Element p = new Element("p");
            br.replaceWith(p);
            Node sibling = p.nextSibling();
            while (sibling != null) {
                if (sibling instanceof Element e && e.normalName().equals("br")) {
                    Node after = nextNonBlank(e.nextSibling());
                    if (after instanceof Element a && a.normalName().equals("br")) {
                        break;
                    }
                }
                if (!phrasing(sibling)) {
                    break;
                }
                Node following = sibling.nextSibling();
                p.appendChild(sibling);
                sibling = following;
            }
            while (p.childNodeSize() > 0 && whitespace(p.childNode(p.childNodeSize() - 1))) {
                p.childNode(p.childNodeSize() - 1).remove();
            }
            if (p.parent() != null && p.parent().normalName().equals("p")) {
                p.parent().tagName("div");
            }
        }
    }

    private static Node nextNonBlank(Node node) {
        Node n = node;
        while (n != null && !(n instanceof Element) && n.outerHtml().isBlank()) {
            n = n.nextSibling();
        }
        return n;
    }
}
