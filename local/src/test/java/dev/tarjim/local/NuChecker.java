package dev.tarjim.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.support.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;

/** The Nu Html Checker (the W3C's HTML validator), embedded: the errors it finds in a page. */
final class NuChecker {
    private static EmbeddedValidator validator;

    private NuChecker() {
    }

    /** Every error (not warning or info) the checker reports for the page, as {@code line:column message}. */
    static synchronized List<String> errors(String html) throws Exception {
        if (validator == null) {
            validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        }
        JsonNode report = Json.mapper().readTree(validator.validate(
                new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
        List<String> errors = new ArrayList<>();
        for (JsonNode m : report.path("messages")) {
            if ("error".equals(m.path("type").asText()) || "non-document-error".equals(m.path("type").asText())) {
                errors.add(m.path("lastLine").asText() + ":" + m.path("firstColumn").asText() + " "
                        + m.path("message").asText() + " [" + m.path("extract").asText() + "]");
            }
        }
        return errors;
    }
}
