package dev.tarjim.article;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tagging entity of the publisher's {@code tag:} URIs (RFC 4151): a domain name or e-mail address the publisher
 * owned on a date, {@code example.com,2026} or {@code news@example.com,2026-12-01}.
 *
 * <p>An entry's id is minted once, from the authority configured when the entry was first stored, and kept with the
 * entry: changing the configured authority later changes only the ids of entries published after the change.
 *
 * @param value {@code authorityName,date}, the domain (or the e-mail's domain) in lower case
 */
public record TagAuthority(String value) {
    // RFC 4151 section 2.1: DNScomp = alphaNum [*(alphaNum / "-") alphaNum]; emailAddress = 1*(alphaNum / "-" / "." /
    // "_") "@" DNSname; date = year ["-" month ["-" day]].
    private static final String DNS_COMP = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
    private static final String DNS_NAME = DNS_COMP + "(?:\\." + DNS_COMP + ")*";
    private static final Pattern ENTITY = Pattern.compile("((?:[A-Za-z0-9._-]+@)?" + DNS_NAME
            + "),(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** The authority of every id minted before ids were stored with their entries. */
    public static final TagAuthority LEGACY = new TagAuthority("tarjim.dev,2026");

    public TagAuthority {
        Matcher m = ENTITY.matcher(value == null ? "" : value);
        if (!m.matches()) {
            throw new IllegalArgumentException("a tag authority is 'domain,date' or 'email,date' as in RFC 4151 (a"
                    + " domain or e-mail address you owned on that date, the date as YYYY, YYYY-MM or YYYY-MM-DD,"
                    + " e.g. 'example.com,2026'), not '" + value + "'");
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(2)), m.group(3) == null ? 1 : Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 1 : Integer.parseInt(m.group(4)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("the date of tag authority '" + value + "' is not a calendar date"
                    + " (RFC 4151: YYYY, YYYY-MM or YYYY-MM-DD)", e);
        }
    }

    /**
     * Reads a configured authority: surrounding spaces dropped, the domain lower-cased (RFC 4151 asks for it, as
     * DNS names are case-insensitive while tags compare character by character).
     *
     * @throws IllegalArgumentException with a reason fit for a start-up message
     */
    public static TagAuthority parse(String text) {
        String t = text == null ? "" : text.strip();
        int at = t.indexOf('@');
        // The mailbox part of an e-mail address is case-sensitive: only the domain is lower-cased.
        String lowered = at < 0 ? t.toLowerCase(Locale.ROOT) : t.substring(0, at + 1)
                + t.substring(at + 1).toLowerCase(Locale.ROOT);
        return new TagAuthority(lowered);
    }

    /** The id of an article in one language: {@code tag:<authority>:article/<id>/<lang>}. */
    public String articleUri(String articleId, String language) {
        return "tag:" + value + ":article/" + segment(articleId) + "/" + segment(language);
    }

    /** The id of one language's feed: {@code tag:<authority>:feed/<lang>}. */
    public String feedUri(String language) {
        return "tag:" + value + ":feed/" + segment(language);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so an id can never break out of its segment. */
    public static String segment(String value) {
        boolean clean = true;
        for (int i = 0; i < value.length() && clean; i++) {
            clean = unreserved(value.charAt(i));
        }
        if (clean) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && unreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
