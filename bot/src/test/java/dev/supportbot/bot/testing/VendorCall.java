package dev.supportbot.bot.testing;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request as sent ({@code sentMethod}, {@code sentPath}) and in the shape its vendor's description declares, which
 * is what is checked. Zendesk accepts every path with and without {@code .json}, while its description lists them
 * without; Slack's calls are reshaped by {@link SlackCalls}. Header names are lower case.
 */
record VendorCall(String sentMethod, String sentPath, String method, String path, Map<String, List<String>> query,
                  Map<String, List<String>> headers, String body) {
    private static final Pattern JSON_SUFFIX = Pattern.compile("\\.json$");

    static VendorCall of(VendorContracts.Api api, String method, String path, Map<String, List<String>> query,
                         Map<String, List<String>> headers, String body) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        if (api == VendorContracts.Api.SLACK) {
            VendorCall described = SlackCalls.asDescribed(method, path, query, h, body);
            if (described != null) return described;
            return new VendorCall(method, path, method.toUpperCase(Locale.ROOT), path, query, h, body);
        }
        return new VendorCall(method, path, method.toUpperCase(Locale.ROOT), JSON_SUFFIX.matcher(path).replaceFirst(""), query, h, body);
    }

    Request request() {
        SimpleRequest.Builder r = new SimpleRequest.Builder(method, path);
        query.forEach(r::withQueryParam);
        headers.forEach(r::withHeader);
        if (body != null && !body.isEmpty()) r.withBody(body);
        return r.build();
    }

    static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
