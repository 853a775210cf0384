package dev.tarjim.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises the page furniture that comes along when an editor copies an article from a CMS page (WordPress and
 * its Arabic themes above all): comment forms, share buttons, related-post lists, tag lines, comment counters.
 *
 * <p>Rules match whole lines only, so a sentence of the article that merely mentions "comments" is never dropped.
 * A line that opens the comment or related-posts area ends the article: what follows it is readers' comments or
 * other articles, not this one.
 */
final class Boilerplate {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String END = "\\s*[.:：!…]*\\s*";

    /** Lines after which nothing belongs to the article. */
    private static final Pattern SECTION_END = Pattern.compile("^(?:"
            + "leave a (?:reply|comment)(?: to .*)?|post a comment|add a comment|join the discussion"
            + "|\\d+ (?:comments?|responses?|replies)(?: (?:on|to) .*)?|comments?|responses?|discussion"
            + "|related(?: posts?| articles?| stories| news)?|you (?:may|might) also like|more from .*|recommended(?: for you)?"
            + "|اترك (?:ردا?|تعليقا?ً?|تعليقك)|أضف (?:تعليقا?ً?|تعليقك|ردا?)|اكتب تعليقك|التعليقات|تعليقات|\\d+ تعليق(?:ات)?"
            + "|(?:مقالات|أخبار|مواضيع|موضوعات) (?:ذات صلة|مشابهة|متعلقة)|اقرأ أيضا?ً?|قد يعجبك أيضا?ً?|إقرأ أيضا?ً?"
            + ")" + END + "$", FLAGS);

    /** Single furniture lines, dropped wherever they are. */
    private static final Pattern LINE = Pattern.compile("^(?:"
            + "your email address will not be published.*|required fields are marked.*|save my name, email.*"
            + "|(?:name|email|e-mail|website|comment)\\s*\\*?|post comment|cancel reply|submit|send"
            + "|share(?: this(?: article| post| story)?)?(?: on .*)?|click to (?:share|print|email) .*|like this|like loading…?"
            + "|tweet|pin it|print(?: this)?|email this|follow us(?: on .*)?|subscribe(?: to .*)?|advertisement|sponsored"
            + "|read more|continue reading.*|(?:tags?|tagged|filed under|posted in|categories|category)\\s*:.*"
            + "|(?:previous|next|older|newer) (?:post|article|story)\\s*:?.*|no comments(?: yet)?|be the first to comment"
            + "|لن يتم نشر عنوان بريدك الإلكتروني.*|الحقول (?:الإلزامية|المطلوبة) (?:مشار إليها|معلمة).*|احفظ اسمي.*"
            + "|(?:الاسم|البريد الإلكتروني|الموقع الإلكتروني|الموقع|التعليق)\\s*\\*?|إرسال التعليق|أرسل التعليق|إلغاء الرد"
            + "|شارك(?:ها|ه)?(?: (?:هذا|هذه) (?:المقال|الخبر|المقالة|الموضوع))?(?: على .*)?|مشاركة|طباعة|تغريد"
            + "|(?:الوسوم|وسوم|كلمات مفتاحية|الكلمات المفتاحية|التصنيفات?|الأقسام)\\s*:.*|اقرأ المزيد|إقرأ المزيد|المزيد"
            + "|(?:المقال|الخبر|الموضوع) (?:السابق|التالي)\\s*:?.*|لا توجد تعليقات|كن أول من يعلق|إعلان|تابعنا(?: على .*)?"
            + ")" + END + "$", FLAGS);

    /** Numbers alone on a line are comment or view counters (Western or Arabic-Indic digits). */
    private static final Pattern COUNTER = Pattern.compile("^[\\d٠-٩۰-۹\\s.,:/-]+$");

    /** Lines without a letter or digit (separators, leftovers of markup) carry nothing to translate. */
    private static final Pattern NO_WORDS = Pattern.compile("^[^\\p{L}\\p{N}]*$");

    private Boilerplate() {
    }

    static boolean isFurniture(String line) {
        return COUNTER.matcher(line).matches() || NO_WORDS.matcher(line).matches() || LINE.matcher(line).matches();
    }

    static boolean endsArticle(String line) {
        return SECTION_END.matcher(line).matches();
    }

    /**
     * Drops furniture lines and cuts the list at the first line that opens a comment or related-posts area, once at
     * least one real paragraph precedes it (a list starting with "Comments" is not cut to nothing).
     */
    static List<String> strip(List<String> paragraphs) {
        List<String> kept = new ArrayList<>(paragraphs.size());
        for (String p : paragraphs) {
            if (endsArticle(p)) {
                if (!kept.isEmpty()) {
                    break;
                }
            } else if (!p.isEmpty() && !isFurniture(p)) {
                kept.add(p);
            }
        }
        return kept;
    }

    /**
     * As {@link #strip} for a body of blocks: the rules read paragraphs and sub-headings (what a copied page's
     * furniture turns into); lists, quotes, figures, code and tables are content and stay. Returns a new, mutable list.
     *
     * @param headingsAreContent whether sub-headings are the author's for sure (an HTML page's, whose structure the
     *                           extractor has read): then a subhead such as "Responses" never ends the article
     */
    static List<Block> stripBlocks(List<Block> blocks, boolean headingsAreContent) {
        List<Block> kept = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            boolean text = b instanceof Block.Paragraph || !headingsAreContent && b instanceof Block.Heading;
            String line = text ? BodyText.block(b) : "";
            if (text && endsArticle(line)) {
                if (!kept.isEmpty()) {
                    break;
                }
            } else if (!text || !line.isEmpty() && !(b instanceof Block.Paragraph && isFurniture(line))) {
                kept.add(b);
            }
        }
        return kept;
    }
}
