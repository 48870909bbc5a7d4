package dev.supportbot.bot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.supportbot.bot.http.ApiError;
import dev.supportbot.bot.inbox.InboxColumns;
import dev.supportbot.bot.inbox.Intake;
import dev.supportbot.bot.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: {@code /lnr} commands and interactive button clicks, stored in the inbox (as a normalised JSON
 * payload: never Slack's verification token) and acknowledged within Slack's 3 seconds. Nothing is decided here:
 * a worker checks who asked and routes the command or click, and answers through its response URL. A modal's
 * submission is stored only for a view the bot opened for the submitting user and not yet submitted ({@link OpenedViews}).
 */
public final class SlackCommands {
    public static final String SOURCE = "slack";
    public static final String SLASH = "/lnr";
    static final String BLOCK_ACTION = "block_action:";
    static final String SLASH_COMMAND = "slash_command";
    static final String ACKNOWLEDGED = "On it: the answer follows here.";
    /** Modal submissions (e.g. a rejection's reason), stored apart from commands and clicks: they answer a modal. */
    public static final String VIEW_SOURCE = "slack-view";
    public static final String VIEW_SUBMISSION = "view_submission:";

    private static final Logger log = LoggerFactory.getLogger(SlackCommands.class);

    private final Intake intake;
    private final OpenedViews views;

    public SlackCommands(Intake intake, OpenedViews views) {
        this.intake = intake;
        this.views = views;
    }

    /**
     * A Bolt app without Bolt's own middleware: the signature is checked before Bolt sees the request, and the bot
     * posts through its own Slack client, so Bolt needs neither a token nor an {@code auth.test} call.
     */
    public App app(String signingSecret) {
        AppConfig config = AppConfig.builder().signingSecret(signingSecret == null ? "unset" : signingSecret).build();
        App app = new App(config, List.of());
        app.command(SLASH, (req, ctx) -> answer(req));
        // Any action id, line breaks included: one that matched no handler would be logged by Bolt.
        app.blockAction(Pattern.compile(".*", Pattern.DOTALL), (req, ctx) -> {
            var payload = req.getPayload();
            String actionId = payload.getActions().isEmpty() || payload.getActions().get(0).getActionId() == null
                    ? "unknown" : payload.getActions().get(0).getActionId();
            Optional<String> unstorable = InboxColumns.eventTypeProblem("action_id", BLOCK_ACTION, actionId)
                    .or(() -> InboxColumns.keyProblem("trigger_id", payload.getTriggerId()));
            if (unstorable.isPresent()) return refused(unstorable.get());
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "block_action");
            event.put("action_id", actionId);
            event.put("value", payload.getActions().isEmpty() ? null : payload.getActions().get(0).getValue());
            event.put("user_id", payload.getUser() == null ? null : payload.getUser().getId());
            event.put("channel_id", payload.getChannel() == null ? null : payload.getChannel().getId());
            event.put("message_ts", payload.getContainer() == null ? null : payload.getContainer().getMessageTs());
            event.put("response_url", payload.getResponseUrl());
            event.put("trigger_id", payload.getTriggerId());
            intake.submit(SOURCE, BLOCK_ACTION + actionId, null, payload.getTriggerId(), json(event));
            return ctx.ack();
        });
        app.viewSubmission(Pattern.compile(".*", Pattern.DOTALL), (req, ctx) -> {
            var view = req.getPayload().getView();
            String callbackId = view == null || view.getCallbackId() == null ? "unknown" : view.getCallbackId();
            Optional<String> unstorable = InboxColumns.eventTypeProblem("callback_id", VIEW_SUBMISSION, callbackId)
                    .or(() -> InboxColumns.keyProblem("view id", view == null ? null : view.getId()));
            if (unstorable.isPresent()) return refused(unstorable.get());
            String userId = req.getPayload().getUser() == null ? null : req.getPayload().getUser().getId();
            Optional<String> notOurs = views.refusal(view.getId(), userId);
            if (notOurs.isPresent()) {
                log.info("Slack view submission refused: {}", notOurs.get());
                return refused(403, notOurs.get() + "; nothing was changed");
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "view_submission");
            event.put("callback_id", callbackId);
            event.put("view_id", view.getId());
            event.put("user_id", userId);
            event.put("private_metadata", view.getPrivateMetadata());
            event.put("input", inputOf(view));
            intake.submit(VIEW_SOURCE, VIEW_SUBMISSION + callbackId, null, view.getId(), json(event));
            return ctx.ack();
        });
        return app;
    }

    /** The text typed into a {@link SlackModal}'s input, or null. */
    private static String inputOf(com.slack.api.model.view.View view) {
        if (view.getState() == null || view.getState().getValues() == null) return null;
        var block = view.getState().getValues().get(SlackModal.INPUT);
        var value = block == null ? null : block.get(SlackModal.INPUT);
        return value == null ? null : value.getValue();
    }

    /** Every {@code /lnr} request is stored as it came (scrubbed); the sub-command is not even looked at here. */
    private Response answer(SlashCommandRequest req) {
        var payload = req.getPayload();
        Optional<String> unstorable = InboxColumns.keyProblem("trigger_id", payload.getTriggerId());
        if (unstorable.isPresent()) return refused(unstorable.get());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", SLASH_COMMAND);
        event.put("text", payload.getText() == null ? "" : payload.getText());
        event.put("user_id", payload.getUserId());
        event.put("channel_id", payload.getChannelId());
        event.put("response_url", payload.getResponseUrl());
        event.put("trigger_id", payload.getTriggerId());
        intake.submit(SOURCE, SLASH_COMMAND, null, payload.getTriggerId(), json(event));
        return req.getContext().ack(ACKNOWLEDGED);
    }

    /** A malformed request: Slack only needs a quick answer, and this one stores nothing. */
    private static Response refused(String reason) {
        return refused(400, reason);
    }

    private static Response refused(int status, String reason) {
        return Response.builder().statusCode(status).contentType(ApiError.CONTENT_TYPE).body(ApiError.json(status, reason)).build();
    }

    private static byte[] json(Map<String, Object> event) {
        try {
            return Json.MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
