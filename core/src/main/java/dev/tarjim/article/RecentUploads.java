package dev.tarjim.article;

import java.util.List;

/**
 * The port for the editors' dashboard: the newest uploads' states, newest first. The DynamoDB adapter is
 * {@code dev.tarjim.store.DynamoArticleStates}, which keeps every state in one partition of the table's index.
 */
public interface RecentUploads {

    /** Up to {@code limit} states, the most recently written first (eventually consistent). */
    List<ArticleState> recent(int limit);
}
