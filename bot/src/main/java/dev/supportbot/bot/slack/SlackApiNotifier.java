package dev.supportbot.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.ActionResponseSender;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsHistoryRequest;
import com.slack.api.methods.request.usergroups.users.UsergroupsUsersListRequest;
import com.slack.api.methods.request.users.UsersInfoRequest;
import com.slack.api.methods.request.users.UsersLookupByEmailRequest;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import com.slack.api.webhook.WebhookResponse;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.Retry;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SlackNotifier} on the Slack SDK that comes with Bolt: {@code chat.postMessage}, {@code chat.update},
 * {@code conversations.history}, response URLs.
 */
final class SlackApiNotifier implements SlackNotifier {
    private static final Logger log = LoggerFactory.getLogger(SlackApiNotifier.class);
    /** Slack's answers to a trigger id that can no longer open a view. */
    private static final Set<String> UNUSABLE_TRIGGER = Set.of("expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id");

    private final Slack slack;
    private final MethodsClient methods;
    private final String channel;
    private final Retry retry;
    private final AtomicBoolean warnedDisabled = new AtomicBoolean();
    /** How far back {@link #findByKey} looks: a retry comes minutes after the post, not 100 messages later. */
    private static final int HISTORY = 100;

    /** {@code token} and {@code channel} may be null: see {@link SlackNotifier} for what is then dropped. */
    SlackApiNotifier(String apiUrl, String token, String channel, Sleeper sleeper) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        this.slack = Slack.getInstance(config);
        this.methods = token == null ? null : slack.methods(token);
        this.channel = channel;
        this.retry = Retry.standard(sleeper);
    }

    @Override
    public boolean enabled() {
        return methods != null && channel != null;
    }

    @Override
    public Optional<SlackMessageRef> post(SlackMessage message) {
        if (!enabled()) {
            warnDisabledOnce();
            return Optional.empty();
        }
        SlackMessage clean = scrub(message);
        ChatPostMessageResponse response = call("post to " + channel, () -> methods.chatPostMessage(
                ChatPostMessageRequest.builder().channel(channel).text(clean.text()).blocks(blocks(clean)).build()));
        if (response.getChannel() == null || response.getTs() == null) {
            throw SlackErrors.badResponse("post to " + channel, "no channel or ts");
        }
        return Optional.of(new SlackMessageRef(response.getChannel(), response.getTs()));
    }

    @Override
    public void update(SlackMessageRef message, SlackMessage replacement) {
        if (methods == null) {
            warnDisabledOnce();
            return;
        }
        SlackMessage clean = scrub(replacement);
        call("update message " + message.ts() + " in " + message.channel(), () -> methods.chatUpdate(
                ChatUpdateRequest.builder().channel(message.channel()).ts(message.ts())
                        .text(clean.text()).blocks(blocks(clean)).build()));
    }

    @Override
    public Optional<SlackMessageRef> findByKey(String key) {
        if (!enabled()) return Optional.empty();
        ConversationsHistoryResponse history = call("read the recent messages of " + channel, () -> methods.conversationsHistory(
                ConversationsHistoryRequest.builder().channel(channel).limit(HISTORY).build()));
        if (history.getMessages() == null) return Optional.empty();
        return history.getMessages().stream()
                .filter(m -> m.getBlocks() != null && m.getBlocks().stream().anyMatch(b -> key.equals(b.getBlockId())))
                .map(m -> new SlackMessageRef(channel, m.getTs()))
                .findFirst();
    }

    @Override
    public void respond(String responseUrl, SlackMessage message) {
        SlackMessage clean = scrub(message);
        ActionResponse answer = new ActionResponse();
        answer.setResponseType("ephemeral");
        answer.setText(clean.text());
        answer.setBlocks(blocks(clean));
        String what = "answer through the response URL";
        retry.call("Slack: " + what, () -> {
            WebhookResponse response;
            try {
                response = new ActionResponseSender(slack).send(responseUrl, answer);
            } catch (IOException | RuntimeException e) {
                throw SlackErrors.failed(what, e);
            }
            if (response.getCode() != 200) throw SlackErrors.forStatus(what, response.getCode(), response.getHeaders());
            return response;
        });
    }

    @Override
    public Optional<String> userIdByEmail(String email) {
        UsersLookupByEmailResponse response = call("look up a user by email", Set.of("users_not_found"),
                () -> requireToken("look up a user by email").usersLookupByEmail(
                        UsersLookupByEmailRequest.builder().email(email).build()));
        if (!response.isOk()) return Optional.empty();
        if (response.getUser() == null || response.getUser().getId() == null) {
            throw SlackErrors.badResponse("look up a user by email", "no user id");
        }
        return Optional.of(response.getUser().getId());
    }

    @Override
    public Optional<String> userName(String userId) {
        String what = "look up user " + userId;
        UsersInfoResponse response = call(what, Set.of("user_not_found"),
                () -> requireToken(what).usersInfo(UsersInfoRequest.builder().user(userId).build()));
        if (!response.isOk() || response.getUser() == null) return Optional.empty();
        var user = response.getUser();
        String display = user.getProfile() == null ? null : user.getProfile().getDisplayName();
        String name = display != null && !display.isBlank() ? display : user.getRealName();
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.strip());
    }

    @Override
    public Set<String> userGroupMembers(String userGroupId) {
        String what = "list the members of user group " + userGroupId;
        UsergroupsUsersListResponse response = call(what, Set.of(), () -> requireToken(what).usergroupsUsersList(
                UsergroupsUsersListRequest.builder().usergroup(userGroupId).build()));
        if (response.getUsers() == null) throw SlackErrors.badResponse(what, "no users");
        return Set.copyOf(response.getUsers());
    }

    @Override
    public Optional<String> openModal(String triggerId, SlackModal modal) {
        if (triggerId == null || triggerId.isBlank()) return Optional.empty();
        View view = View.builder()
                .type("modal")
                .callbackId(modal.callbackId())
                .privateMetadata(modal.privateMetadata())
                .title(ViewTitle.builder().type("plain_text").text(modal.title()).build())
                .submit(ViewSubmit.builder().type("plain_text").text(modal.submitLabel()).build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(List.of(
                        SectionBlock.builder().text(MarkdownTextObject.builder().text(SecretScanner.mask(modal.intro())).build()).build(),
                        InputBlock.builder().blockId(SlackModal.INPUT)
                                .label(PlainTextObject.builder().text(modal.inputLabel()).build())
                                .element(PlainTextInputElement.builder().actionId(SlackModal.INPUT).multiline(true).build())
                                .build()))
                .build();
        ViewsOpenResponse response = call("open a modal", UNUSABLE_TRIGGER, () -> requireToken("open a modal").viewsOpen(
                ViewsOpenRequest.builder().triggerId(triggerId).view(view).build()));
        if (!response.isOk()) return Optional.empty();
        if (response.getView() == null || response.getView().getId() == null) throw SlackErrors.badResponse("open a modal", "no view id");
        return Optional.of(response.getView().getId());
    }

    private MethodsClient requireToken(String what) {
        if (methods == null) {
            throw new OutboundException(OutboundException.Failure.NOT_CONFIGURED,
                    "Slack: " + what + ": BOT_SLACK_BOT_TOKEN is not set");
        }
        return methods;
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception e) {
            log.debug("Slack client did not close cleanly: {}", e.getClass().getSimpleName());
        }
    }

    private void warnDisabledOnce() {
        if (warnedDisabled.compareAndSet(false, true)) {
            log.warn("Slack is not configured (BOT_SLACK_BOT_TOKEN and BOT_SLACK_CHANNEL): Slack messages are dropped");
        }
    }

    @FunctionalInterface
    private interface SlackCall<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String what, SlackCall<T> call) {
        return call(what, Set.of(), call);
    }

    /** {@code expectedErrors}: error codes returned to the caller as a response with {@code ok: false}. */
    private <T extends SlackApiTextResponse> T call(String what, Set<String> expectedErrors, SlackCall<T> call) {
        return retry.call("Slack: " + what, () -> {
            T response;
            try {
                response = call.run();
            } catch (SlackApiException e) {
                throw SlackErrors.forStatus(what, e.getResponse().code(), e.getResponse().headers().toMultimap());
            } catch (OutboundException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw SlackErrors.failed(what, e);
            }
            if (!response.isOk() && expectedErrors.contains(response.getError())) return response;
            if (!response.isOk()) throw SlackErrors.forError(what, response.getError(), response.getHttpResponseHeaders());
            return response;
        });
    }

    private static SlackMessage scrub(SlackMessage message) {
        return new SlackMessage(SecretScanner.mask(message.text()), message.blocks().stream().map(SlackApiNotifier::scrub).toList(),
                message.buttons().stream()
                .map(b -> new SlackButton(b.actionId(), SecretScanner.mask(b.label()),
                        b.value() == null ? null : SecretScanner.mask(b.value()), b.style()))
                .toList(), message.key());
    }

    private static SlackBlock scrub(SlackBlock block) {
        if (block instanceof SlackBlock.Header h) return new SlackBlock.Header(SecretScanner.mask(h.text()));
        if (block instanceof SlackBlock.Section s) return new SlackBlock.Section(SecretScanner.mask(s.mrkdwn()));
        if (block instanceof SlackBlock.Fields f) return new SlackBlock.Fields(f.mrkdwn().stream().map(SecretScanner::mask).toList());
        if (block instanceof SlackBlock.Context c) return new SlackBlock.Context(SecretScanner.mask(c.mrkdwn()));
        return block;
    }

    /**
     * Plain messages go as text alone. With blocks, the blocks are the message (the text is the notification); with
     * buttons and no blocks, the text becomes a section; buttons go in an actions block at the end.
     */
    static List<LayoutBlock> blocks(SlackMessage message) {
        if (message.buttons().isEmpty() && message.blocks().isEmpty()) return null;
        List<LayoutBlock> out = new ArrayList<>();
        if (message.blocks().isEmpty()) {
            out.add(SectionBlock.builder().text(MarkdownTextObject.builder().text(message.text()).build()).build());
        }
        for (SlackBlock block : message.blocks()) out.add(layout(block));
        if (message.buttons().isEmpty()) return out;
        List<BlockElement> buttons = message.buttons().stream().<BlockElement>map(b -> ButtonElement.builder()
                .actionId(b.actionId())
                .text(PlainTextObject.builder().text(b.label()).build())
                .value(b.value())
                .style(b.style() == SlackButton.Style.DEFAULT ? null : b.style().name().toLowerCase(Locale.ROOT))
                .build()).toList();
        out.add(ActionsBlock.builder().blockId(message.key()).elements(buttons).build());
        return out;
    }

    private static LayoutBlock layout(SlackBlock block) {
        if (block instanceof SlackBlock.Header h) {
            return HeaderBlock.builder().text(PlainTextObject.builder().text(h.text()).build()).build();
        }
        if (block instanceof SlackBlock.Section s) {
            return SectionBlock.builder().text(MarkdownTextObject.builder().text(s.mrkdwn()).build()).build();
        }
        if (block instanceof SlackBlock.Fields f) {
            return SectionBlock.builder().fields(f.mrkdwn().stream()
                    .<TextObject>map(t -> MarkdownTextObject.builder().text(t).build()).toList()).build();
        }
        if (block instanceof SlackBlock.Context c) {
            return ContextBlock.builder().elements(List.of(MarkdownTextObject.builder().text(c.mrkdwn()).build())).build();
        }
        return DividerBlock.builder().build();
    }
}
