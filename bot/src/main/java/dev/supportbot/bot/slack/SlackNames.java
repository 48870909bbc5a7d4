package dev.supportbot.bot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names of Slack users for the texts people read ("rejected by Jane Doe"), looked up with {@code users.info} and kept
 * for an hour: a person clicks several buttons in a row, and Slack's rate limits are per method. When Slack does not
 * answer, the text names the user by id instead; a name is a courtesy, never a reason to fail a click or a command.
 */
public final class SlackNames {
    private static final Logger log = LoggerFactory.getLogger(SlackNames.class);
    private static final SlackNames NONE = new SlackNames(null);

    private final SlackNotifier slack;
    private final Cache<String, Optional<String>> names = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    public SlackNames(SlackNotifier slack) {
        this.slack = slack;
    }

    /** Names nobody: every user is named by id. */
    public static SlackNames none() {
        return NONE;
    }

    /**
     * How the bot names Slack user {@code userId} in workflow events: {@code slack:U123 Jane Doe}, or {@code slack:U123}
     * when the name is unknown; texts turn it into "Jane Doe" (Zendesk) or a mention (Slack).
     */
    public String agent(String userId) {
        return name(userId).map(n -> "slack:" + userId + " " + n).orElse("slack:" + userId);
    }

    /**
     * {@link #agent} from what is known already, without asking Slack: for code inside a database transaction, after
     * {@link #name} was asked before it began.
     */
    public String knownAgent(String userId) {
        Optional<String> cached = userId == null ? null : names.getIfPresent(userId);
        return cached != null && cached.isPresent() ? "slack:" + userId + " " + cached.get() : "slack:" + userId;
    }

    public Optional<String> name(String userId) {
        if (slack == null || userId == null || userId.isBlank()) return Optional.empty();
        Optional<String> cached = names.getIfPresent(userId);
        if (cached != null) return cached;
        try {
            Optional<String> found = slack.userName(userId).map(n -> n.replaceAll("\\s+", " "));
            names.put(userId, found);
            return found;
        } catch (RuntimeException e) {
            log.info("no name for Slack user {}: {}", userId, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
