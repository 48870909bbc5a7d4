package dev.supportbot.bot.zendesk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where and as whom the bot calls Zendesk: API token authentication of one agent. */
public record ZendeskAccount(String url, String email, String token) {

    public ZendeskAccount {
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The {@code Authorization} header value for API token auth: Basic base64(email/token:token). */
    public String basicAuthorization() {
        String credentials = email + "/token:" + token;
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ZendeskAccount[url=" + url + ", email=" + email + ", token=<set>]";
    }
}
